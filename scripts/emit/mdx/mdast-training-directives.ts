import type { BlockContent, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { SKIP, visit } from 'unist-util-visit';

const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });
const flow = (name: string, attributes: MdxJsxAttribute[], children: RootContent[]): MdxJsxFlowElement => ({ type: 'mdxJsxFlowElement', name, attributes, children: children as MdxJsxFlowElement['children'] });
/** One-line element inside a JSX block (MDX reads it as a block with inline content). */
const line = (name: string, attributes: MdxJsxAttribute[], children: PhrasingContent[]): RootContent => ({ type: 'mdxJsxTextElement', name, attributes, children } as MdxJsxTextElement as unknown as RootContent);

/**
 * Turns the plain syntax of training modules into the page's interactive blocks, which work
 * without JavaScript (answers in disclosure elements) and better with it:
 * `:::quiz` (a task list: ticked options are right; the option's next line explains),
 * `:::exercise` (followed by an `:::answer`), `:::checklist`, `:::objectives`, `:::note`.
 */
export function mdastTrainingDirectives() {
  return (tree: Root): void => {
    const counts = { quiz: 0, exercise: 0, checklist: 0 };
    visit(tree, 'containerDirective', (node: ContainerDirective, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      let replacement: RootContent[];
      let consumed = 1;
      if (node.name === 'quiz') replacement = [quiz(node, (counts.quiz += 1))];
      else if (node.name === 'exercise') {
        // The model answer may follow the exercise (`:::answer` after `:::exercise`) or sit in it.
        const next = parent.children[index + 1];
        const answer = next?.type === 'containerDirective' && (next as ContainerDirective).name === 'answer' ? (next as ContainerDirective) : undefined;
        if (answer) consumed = 2;
        replacement = [exercise(answer ? { ...node, children: [...node.children, answer] } : node, (counts.exercise += 1))];
      }
      else if (node.name === 'checklist') replacement = [checklist(node, (counts.checklist += 1))];
      else if (node.name === 'objectives') replacement = [flow('div', [attribute('class', 'handover-objectives')], [line('p', [attribute('class', 'handover-block-label')], [{ type: 'text', value: 'Objectives' }]), ...(node.children as RootContent[])])];
      else if (node.name === 'note') replacement = [flow('aside', [attribute('class', 'handover-note')], node.children as RootContent[])];
      else replacement = node.children as RootContent[];
      parent.children.splice(index, consumed, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    });
  };
}

function quiz(node: ContainerDirective, number: number): RootContent {
  const list = node.children.find((child) => child.type === 'list');
  const question = node.children.filter((child) => child !== list) as RootContent[];
  const items = list?.type === 'list' ? list.children : [];
  const multiple = items.filter((item) => item.checked === true).length > 1;
  const options = items.map((item) => {
    const { label, explanation } = splitOption(item);
    const verdict = item.checked ? 'Correct.' : 'Not quite.';
    return flow('li', [attribute('data-correct', String(item.checked === true))], [
      flow('details', [], [
        line('summary', [], label),
        flow('div', [attribute('class', 'handover-quiz-feedback')], [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: verdict }] }, ...(explanation.length > 0 ? [{ type: 'text' as const, value: ' ' }, ...explanation] : [])] }, ...item.children.slice(1)] as RootContent[]),
      ]),
    ]);
  });
  return flow('div', [attribute('class', 'handover-quiz'), attribute('data-quiz', String(number)), attribute('data-multiple', String(multiple))], [
    line('p', [attribute('class', 'handover-block-label')], [{ type: 'text', value: `Question ${number}${multiple ? ' (choose all that apply)' : ''}` }]),
    ...question,
    flow('ol', [attribute('class', 'handover-quiz-options')], options),
  ]);
}

/** An option's first line is its label; the rest of its paragraph explains the answer. */
function splitOption(item: ListItem): { label: PhrasingContent[]; explanation: PhrasingContent[] } {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return { label: [{ type: 'text', value: 'Option' }], explanation: [] };
  const label: PhrasingContent[] = [];
  const explanation: PhrasingContent[] = [];
  let target = label;
  for (const child of (first as Paragraph).children) {
    if (target === label && child.type === 'text' && child.value.includes('\n')) {
      const [before, ...after] = child.value.split('\n');
      if (before) label.push({ type: 'text', value: before });
      target = explanation;
      const rest = after.join(' ').trim();
      if (rest) explanation.push({ type: 'text', value: rest });
      continue;
    }
    target.push(child);
  }
  return { label, explanation };
}

function exercise(node: ContainerDirective, number: number): RootContent {
  const answer = node.children.find((child): child is ContainerDirective => child.type === 'containerDirective' && child.name === 'answer');
  const task = node.children.filter((child) => child !== answer) as RootContent[];
  return flow('div', [attribute('class', 'handover-exercise'), attribute('data-exercise', String(number))], [
    line('p', [attribute('class', 'handover-block-label')], [{ type: 'text', value: `Exercise ${number}` }]),
    ...task,
    ...(answer ? [flow('details', [], [line('summary', [], [{ type: 'text', value: 'Show the model answer' }]), ...(answer.children as RootContent[])])] : []),
  ]);
}

function checklist(node: ContainerDirective, number: number): RootContent {
  const list = node.children.find((child) => child.type === 'list');
  const items = list?.type === 'list' ? list.children : [];
  return flow('ul', [attribute('class', 'handover-checklist'), attribute('data-checklist', String(number))], items.map((item, index) => {
    const text = item.children[0]?.type === 'paragraph' ? (item.children[0] as Paragraph).children : [];
    return flow('li', [], [line('label', [], [{ type: 'mdxJsxTextElement', name: 'input', attributes: [attribute('type', 'checkbox'), attribute('data-item', String(index + 1))], children: [] } as unknown as PhrasingContent, { type: 'text', value: ' ' }, ...text])]);
  }) as BlockContent[] as RootContent[]);
}
