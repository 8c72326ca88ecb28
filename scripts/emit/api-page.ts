import type { ApiModule, ApiSymbol } from '../model/schemas/api.ts';

/**
 * The Markdown of one API module page: a section per symbol (its heading is the anchor search
 * finds), with declaration, doc comment, parameters, return value, examples and source. Doc
 * comments are the service's Markdown, so the page goes through the same safe MDX serialiser.
 */
export function apiModuleMarkdown(module: ApiModule, sourceUrl: (path: string, line: number) => string | null): string {
  return module.members.map((member) => symbolMarkdown(member, sourceUrl)).join('\n\n');
}

function symbolMarkdown(symbol: ApiSymbol, sourceUrl: (path: string, line: number) => string | null): string {
  const parts = [`## ${symbol.name}`, '', `_${symbol.kind}_${symbol.comment === null ? ' · no doc comment' : ''}`, '', fence('ts', symbol.signature)];
  if (symbol.deprecated !== null) parts.push('', `> **Deprecated.** ${symbol.deprecated}`.replace(/\n/g, '\n> '));
  if (symbol.comment) parts.push('', symbol.comment);
  if (symbol.params.length > 0) {
    parts.push('', '**Parameters**', '', ...symbol.params.map((parameter) => `- \`${parameter.name}\`: \`${parameter.type.replace(/`/g, "'")}\`${parameter.comment ? `: ${parameter.comment.replace(/\n+/g, ' ')}` : ''}`));
  }
  if (symbol.returns) parts.push('', `**Returns** ${symbol.returns}`);
  if (symbol.examples.length > 0) parts.push('', '**Example**', '', ...symbol.examples.map((example) => (example.trimStart().startsWith('```') ? example : fence('ts', example))));
  const url = symbol.source ? sourceUrl(symbol.source.path, symbol.source.line) : null;
  if (symbol.source) parts.push('', url ? `Source: [${symbol.source.path}:${symbol.source.line}](${url})` : `Source: \`${symbol.source.path}:${symbol.source.line}\``);
  return parts.join('\n');
}

function fence(language: string, code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${code}\n${ticks}`;
}
