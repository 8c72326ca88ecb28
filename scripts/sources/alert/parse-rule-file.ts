import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Alert } from '../../model/schemas/alert.ts';
import type { ParseResult, SourceText } from '../types.ts';
import { slug } from 'github-slugger';
import { looksHelmTemplated, neutraliseHelmTemplate } from './helm-template.ts';

/**
 * Parses a Prometheus rule file (`groups[].rules[]`), a PrometheusRule custom resource
 * (`spec.groups`), or several of either in one multi-document file, into alert records.
 * Recording rules are not alerts and are left out; promtool test files are skipped.
 */
export function parseRuleFile(file: SourceText): ParseResult<Alert> {
  // promtool test files (top-level rule_files: and tests:) are told apart before parsing: their
  // multi-line PromQL strings are often YAML that only lenient parsers accept.
  if (/^rule_files\s*:/m.test(file.text) && /^tests\s*:/m.test(file.text)) return { records: [], diagnostics: [], skipped: 'promtool test file' };
  const diagnostics: Diagnostic[] = [];
  const helm = looksHelmTemplated(file.text) ? neutraliseHelmTemplate(file.text) : { text: file.text, templated: false };
  const lineCounter = new LineCounter();
  // strict: false accepts what the YAML spec forbids only for form (e.g. a multi-line quoted
  // string whose closing line is under-indented), as Prometheus' own YAML parser does.
  const documents = parseAllDocuments(helm.text, { lineCounter, uniqueKeys: false, strict: false });
  const list = Array.isArray(documents) ? documents : [documents];
  const records: Alert[] = [];
  let sawRules = false;
  for (const document of list as Document.Parsed[]) {
    if (document.errors.length > 0) {
      const error = document.errors[0]!;
      const at = lineCounter.linePos(error.pos[0]);
      diagnostics.push(createDiagnostic({ file: file.path, line: at.line, column: at.col }, {
        severity: 'error',
        code: helm.templated ? 'alert/unreadable-template' : 'alert/invalid-yaml',
        message: helm.templated
          ? `This Helm-templated rule file could not be read without rendering it: ${error.message.split('\n')[0]}`
          : `This rule file is not valid YAML: ${error.message.split('\n')[0]}`,
        hint: helm.templated
          ? 'Point `alerts.paths` at rendered rule files (e.g. the output of `helm template`), or keep template actions on their own lines.'
          : 'Fix the YAML at this line (promtool check rules gives the same error).',
      }));
      continue;
    }
    const root = document.contents;
    if (!isMap(root)) continue;
    if (root.has('rule_files') || root.has('tests')) return { records: [], diagnostics: [], skipped: 'promtool test file' };
    const spec = root.get('spec', true);
    const groups = isMap(spec) ? spec.get('groups', true) : root.get('groups', true);
    if (!isSeq(groups)) continue;
    sawRules = true;
    for (const group of groups.items) {
      if (!isMap(group)) continue;
      const groupName = scalar(group, 'name');
      const rules = group.get('rules', true);
      if (!isSeq(rules)) continue;
      for (const rule of rules.items) {
        if (!isMap(rule) || !rule.has('alert')) continue;
        const name = scalar(rule, 'alert');
        const line = lineCounter.linePos((rule as YAMLMap).range?.[0] ?? 0).line;
        if (!name) {
          diagnostics.push(createDiagnostic({ file: file.path, line }, { severity: 'warning', code: 'alert/no-name', message: 'An alerting rule has an empty `alert:` name, so it was left out.', hint: 'Give the rule a name.' }));
          continue;
        }
        const labels = rule.get('labels', true);
        const annotations = rule.get('annotations', true);
        records.push({
          kind: 'alert',
          id: slug(name) || 'alert',
          name,
          group: groupName,
          severity: isMap(labels) ? scalar(labels, 'severity') : null,
          summary: isMap(annotations) ? scalar(annotations, 'summary') ?? scalar(annotations, 'message') : null,
          description: isMap(annotations) ? scalar(annotations, 'description') : null,
          expr: scalar(rule, 'expr'),
          for: scalar(rule, 'for'),
          runbookUrl: isMap(annotations) ? scalar(annotations, 'runbook_url') ?? scalar(annotations, 'runbook') : null,
          runbook: null,
          runbookResolution: 'none',
          source: { path: file.path, line },
        });
      }
    }
  }
  if (!sawRules && diagnostics.length === 0) return { records: [], diagnostics, skipped: 'YAML without alerting rules' };
  return { records, diagnostics };
}

function scalar(map: YAMLMap, key: string): string | null {
  const value = map.get(key);
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}
