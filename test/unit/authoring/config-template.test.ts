import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { fillPlaceholders, readTemplate } from '../../../scripts/authoring/fill-template.ts';
import { parseConfigText } from '../../../scripts/config/load-config.ts';
import { ConfigSchema } from '../../../scripts/config/schema.ts';

/**
 * The config template `handover init` writes lists every option of the schema, commented out,
 * with a one-line explanation and its default. These tests walk the schema, so a new option
 * fails here until it is added to templates/init/handover.config.yaml.
 */
interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  default?: unknown;
}

/** Every option's dotted path (list items share their list's path: `sessions.title`), with its default. */
function schemaOptions(node: JsonSchema, prefix = ''): Map<string, unknown> {
  const options = new Map<string, unknown>();
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    options.set(path, child.default);
    for (const [nested, value] of schemaOptions(child, path)) options.set(nested, value);
  }
  for (const child of [...(node.items ? [node.items] : []), ...(node.anyOf ?? [])]) {
    for (const [nested, value] of schemaOptions(child, prefix)) options.set(nested, value);
  }
  return options;
}

/** Every key path in a YAML document, with the line of its first occurrence. */
function templateKeys(node: Node | null, lines: LineCounter, prefix = '', found = new Map<string, number>()): Map<string, number> {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const path = prefix ? `${prefix}.${String(pair.key.value)}` : String(pair.key.value);
      if (!found.has(path)) found.set(path, lines.linePos(pair.key.range![0]).line);
      templateKeys(pair.value as Node | null, lines, path, found);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) templateKeys(item as Node, lines, prefix, found);
  }
  return found;
}

/** Uncomments the template as its header tells the user to: drop the `# ` that starts a line. */
const uncomment = (text: string) => text.replace(/^# /gm, '');

const template = fillPlaceholders(await readTemplate('init/handover.config.yaml'), { SERVICE_NAME: 'blue-widgets', DATE: '2026-11-27', HANDOVER_VERSION: '0.1.0', ADR_FOLDER: 'docs/adr', DEFAULT_BRANCH: 'trunk' });
const uncommented = uncomment(template);
const lineCounter = new LineCounter();
const document = parseDocument(uncommented, { lineCounter });
const keys = templateKeys(document.contents as Node, lineCounter);
const options = schemaOptions(z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);

describe('the config template handover init writes', () => {
  it('has every option of the schema', () => {
    expect(document.errors).toEqual([]);
    expect([...options.keys()].filter((option) => !keys.has(option))).toEqual([]);
  });

  it('is a valid config with everything uncommented (and an empty one as written)', () => {
    expect(parseConfigText(uncommented, 'handover.config.yaml').diagnostics).toEqual([]);
    expect(parseConfigText(template, 'handover.config.yaml').diagnostics).toEqual([]);
  });

  it('explains every option it sets, on the line above or at the end of the line', () => {
    const lines = uncommented.split('\n');
    const unexplained = [...keys].filter(([, line]) => {
      const text = lines[line - 1]!;
      const isSection = /:\s*$/.test(text);
      return !isSection && !/\s#\s/.test(text) && !/^\s*#/.test(lines[line - 2] ?? '');
    });
    expect(unexplained.map(([path]) => path)).toEqual([]);
  });

  it('states each default the schema applies', () => {
    const lines = uncommented.split('\n');
    const scalarDefaults = [...options].filter(([, value]) => value !== undefined && typeof value !== 'object');
    expect(scalarDefaults.length).toBeGreaterThan(0);
    for (const [path, value] of scalarDefaults) {
      const line = keys.get(path)!;
      expect(`${lines[line - 2]} ${lines[line - 1]}`, path).toContain(`Default: ${String(value)}`);
    }
  });
});
