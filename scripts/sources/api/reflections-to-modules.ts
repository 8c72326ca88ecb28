import { slug } from 'github-slugger';
import { ReflectionKind, type Comment, type CommentDisplayPart, type DeclarationReflection, type ProjectReflection, type Reflection, type SignatureReflection } from 'typedoc';
import type { ApiModule, ApiSymbol } from '../../model/schemas/api.ts';

/** What emit needs of where a symbol lives, for `{@link}`s: module id and anchor. */
type Locator = (reflection: Reflection) => { module: string; anchor: string } | null;

/**
 * Turns a converted TypeDoc project into API modules: one per entry point, or, for a single entry
 * point that re-exports a package, one per source file (`domain/badge`), so pages stay readable.
 */
export function reflectionsToModules(project: ProjectReflection, entryPoints: readonly string[]): ApiModule[] {
  const grouped = new Map<string, { name: string; path: string; members: DeclarationReflection[] }>();
  const entryModules = project.children?.filter((child) => child.kindOf(ReflectionKind.Module)) ?? [];
  if (entryModules.length > 0) {
    for (const module of entryModules) {
      const file = module.sources?.[0]?.fileName ?? module.name;
      grouped.set(module.name, { name: module.name, path: file, members: module.children ?? [] });
    }
  } else {
    for (const child of project.children ?? []) {
      const file = child.sources?.[0]?.fileName ?? entryPoints[0] ?? 'index.ts';
      const name = file.replace(/^(src|lib)\//, '').replace(/\.(ts|tsx|mts|cts)$/, '').replace(/\/index$/, '') || 'index';
      const group = grouped.get(name) ?? { name, path: file, members: [] };
      group.members.push(child);
      grouped.set(name, group);
    }
  }
  const ids = new Map([...grouped.keys()].map((name) => [name, slug(name.replace(/\//g, '-')) || 'module']));
  const locations = new Map<number, { module: string; anchor: string }>();
  for (const [name, group] of grouped) {
    for (const member of group.members) {
      locations.set(member.id, { module: ids.get(name)!, anchor: anchorOf(member.name) });
      for (const child of member.children ?? []) locations.set(child.id, { module: ids.get(name)!, anchor: anchorOf(member.name) });
    }
  }
  const locate: Locator = (reflection) => locations.get(reflection.id) ?? null;
  return [...grouped].sort(([a], [b]) => a.localeCompare(b)).map(([name, group]) => {
    const members = [...group.members].sort((a, b) => a.name.localeCompare(b.name)).map((member) => toSymbol(member, locate));
    return {
      kind: 'api-module',
      id: ids.get(name)!,
      name,
      symbols: members.length,
      documented: members.filter((member) => member.comment !== null).length,
      members,
      source: { path: group.path, line: 1 },
    };
  });
}

function anchorOf(name: string): string {
  return slug(name) || 'symbol';
}

function toSymbol(reflection: DeclarationReflection, locate: Locator): ApiSymbol {
  const signature = reflection.signatures?.[0];
  const comment = signature?.comment ?? reflection.comment;
  const source = reflection.sources?.[0];
  return {
    name: reflection.name,
    kind: ReflectionKind.singularString(reflection.kind),
    anchor: anchorOf(reflection.name),
    signature: declaration(reflection),
    comment: comment && comment.summary.length > 0 ? partsToMarkdown(comment.summary, locate) : null,
    params: (signature?.parameters ?? []).map((parameter) => ({
      name: parameter.name,
      type: parameter.type?.toString() ?? 'unknown',
      comment: parameter.comment ? partsToMarkdown(parameter.comment.summary, locate) || null : null,
    })),
    returns: blockTag(comment, '@returns', locate),
    examples: (comment?.blockTags ?? []).filter((tag) => tag.tag === '@example').map((tag) => partsToMarkdown(tag.content, locate)),
    deprecated: comment?.getTag('@deprecated') ? partsToMarkdown(comment.getTag('@deprecated')!.content, locate) : null,
    source: source ? { path: source.fileName, line: source.line } : null,
  };
}

/** A TypeScript-like declaration of a symbol, for a code block. */
function declaration(reflection: DeclarationReflection): string {
  const name = reflection.name;
  if (reflection.signatures?.length) return reflection.signatures.map((signature) => `function ${name}${signatureText(signature)}`).join('\n');
  if (reflection.kindOf(ReflectionKind.TypeAlias)) return `type ${name} = ${reflection.type?.toString() ?? 'unknown'};`;
  if (reflection.kindOf(ReflectionKind.Variable)) return `const ${name}: ${reflection.type?.toString() ?? 'unknown'};`;
  if (reflection.kindOf(ReflectionKind.Interface | ReflectionKind.Class | ReflectionKind.Enum)) {
    const keyword = reflection.kindOf(ReflectionKind.Interface) ? 'interface' : reflection.kindOf(ReflectionKind.Class) ? 'class' : 'enum';
    const members = (reflection.children ?? []).map((child) => {
      if (child.signatures?.length) return `  ${child.name}${signatureText(child.signatures[0]!)};`;
      const optional = child.flags.isOptional ? '?' : '';
      return reflection.kindOf(ReflectionKind.Enum) ? `  ${child.name},` : `  ${child.flags.isReadonly ? 'readonly ' : ''}${child.name}${optional}: ${child.type?.toString() ?? 'unknown'};`;
    });
    return `${keyword} ${name} {\n${members.join('\n')}\n}`;
  }
  return `${ReflectionKind.singularString(reflection.kind).toLowerCase()} ${name}`;
}

function signatureText(signature: SignatureReflection): string {
  const parameters = (signature.parameters ?? []).map((parameter) => `${parameter.flags.isRest ? '...' : ''}${parameter.name}${parameter.flags.isOptional ? '?' : ''}: ${parameter.type?.toString() ?? 'unknown'}`);
  const typeParameters = signature.typeParameters?.length ? `<${signature.typeParameters.map((parameter) => parameter.name).join(', ')}>` : '';
  return `${typeParameters}(${parameters.join(', ')}): ${signature.type?.toString() ?? 'void'}`;
}

function blockTag(comment: Comment | undefined, tag: `@${string}`, locate: Locator): string | null {
  const found = comment?.getTag(tag);
  return found ? partsToMarkdown(found.content, locate) || null : null;
}

/** Comment parts as Markdown; `{@link X}` becomes a `site:` link to X's page when X is ours. */
function partsToMarkdown(parts: readonly CommentDisplayPart[], locate: Locator): string {
  return parts.map((part) => {
    if (part.kind === 'inline-tag' && (part.tag === '@link' || part.tag === '@linkcode' || part.tag === '@linkplain')) {
      const target = typeof part.target === 'object' && part.target !== null && 'id' in part.target ? locate(part.target as Reflection) : null;
      const text = part.text || (typeof part.target === 'object' && part.target && 'name' in part.target ? String((part.target as Reflection).name) : '');
      const label = part.tag === '@linkplain' ? text : `\`${text}\``;
      if (target) return `[${label}](site:api/${target.module}/#${target.anchor})`;
      return typeof part.target === 'string' ? `[${label}](${part.target})` : label;
    }
    return part.text;
  }).join('').trim();
}
