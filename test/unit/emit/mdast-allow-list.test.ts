import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { mdastAllowList } from '../../../scripts/emit/mdx/mdast-allow-list.ts';

const jsx = (name: string, attributes: Record<string, unknown>, children: unknown[] = []) => ({
  type: 'mdxJsxFlowElement', name, children,
  attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
});
const run = (children: unknown[]) => {
  const tree = { type: 'root', children } as Root;
  mdastAllowList()(tree);
  return tree.children;
};

describe('mdastAllowList: the last pass before MDX is written', () => {
  it('turns ESM, expressions and raw HTML that reach it into text', () => {
    expect(run([{ type: 'mdxjsEsm', value: "import x from 'y'" }, { type: 'paragraph', children: [{ type: 'mdxTextExpression', value: 'process.exit()' }, { type: 'html', value: '<script>x</script>' }] }])).toEqual([
      { type: 'text', value: "import x from 'y'" },
      { type: 'paragraph', children: [{ type: 'text', value: 'process.exit()' }, { type: 'text', value: '<script>x</script>' }] },
    ]);
  });

  it('unwraps elements off the list, keeping their content', () => {
    expect(run([jsx('Foo', { prop: 'x' }, [{ type: 'paragraph', children: [{ type: 'text', value: 'kept' }] }]), jsx('script', {}, [])])).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'kept' }] }]);
  });

  it('drops handlers, expression values, spreads, script URLs and non-checkbox inputs', () => {
    const [link] = run([{ ...jsx('a', { href: 'java\tscript:alert(1)', onclick: 'x', title: { type: 'mdxJsxAttributeValueExpression', value: 'x' }, class: 'ok' }), attributes: [...jsx('a', { href: 'java\tscript:alert(1)', onclick: 'x', title: { type: 'mdxJsxAttributeValueExpression', value: 'x' }, class: 'ok' }).attributes, { type: 'mdxJsxExpressionAttribute', value: '...props' }] }]);
    expect((link as { attributes: unknown[] }).attributes).toEqual([{ type: 'mdxJsxAttribute', name: 'class', value: 'ok' }]);
    const [input] = run([jsx('input', { type: 'password' })]);
    expect((input as { attributes: unknown[] }).attributes).toEqual([]);
  });

  it('keeps safe links and Handover diagram fragments, and unlinks unsafe ones', () => {
    const fragment = jsx('Fragment', { 'set:html': { type: 'mdxJsxAttributeValueExpression', value: '"<svg></svg>"' } });
    expect(run([fragment])).toEqual([fragment]);
    expect((run([jsx('Fragment', { 'set:html': { type: 'mdxJsxAttributeValueExpression', value: 'globalThis.x' } })])[0] as { attributes: unknown[] }).attributes).toEqual([]);
    expect(run([{ type: 'paragraph', children: [{ type: 'link', url: 'vbscript:x', children: [{ type: 'text', value: 'text' }] }, { type: 'link', url: '/adr/0001/', children: [] }] }])).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'text' }, { type: 'link', url: '/adr/0001/', children: [] }] },
    ]);
  });
});
