import type { ReadinessFinding, ReadinessReport } from '../model/schemas/readiness.ts';

/** Findings listed before "and N more": a CI job summary has a size limit (1 MiB on GitHub). */
const MAX_FINDINGS = 200;

const HEADINGS = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;

/** The readiness report as GitHub-flavoured Markdown, for a CI job summary or a pull request. */
export function formatReadinessMarkdown(report: ReadinessReport): string {
  const lines = [`## Handover readiness of ${escapeMarkdown(report.service)}: ${scoreText(report.score)}`, ''];
  const counts = (['error', 'warning', 'info'] as const).map((severity) => `${report.findings.filter((finding) => finding.severity === severity).length} ${HEADINGS[severity].toLowerCase()}`);
  lines.push(`Checked on ${report.date}: ${counts.join(', ')}.`, '');
  lines.push('| Area | Score | Rules |', '| --- | ---: | --- |');
  for (const area of report.areas) {
    const rules = area.rules.map((rule) => `${escapeMarkdown(rule.title)} (${rule.skipped ? 'skipped' : scoreText(rule.score)})`).join('; ');
    lines.push(`| ${escapeMarkdown(area.title)} | ${scoreText(area.score)} | ${rules} |`);
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const findings = report.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    lines.push('', `### ${HEADINGS[severity]}`, '');
    for (const finding of findings.slice(0, MAX_FINDINGS)) lines.push(findingLine(finding));
    if (findings.length > MAX_FINDINGS) lines.push(`- and ${findings.length - MAX_FINDINGS} more (run \`handover check\` for all)`);
  }
  return `${lines.join('\n')}\n`;
}

function findingLine(finding: ReadinessFinding): string {
  const where = finding.file ? `\`${[finding.file, finding.line].filter((part) => part != null).join(':').replace(/`/g, "'")}\` ` : '';
  return `- ${where}**${finding.rule}**: ${escapeMarkdown(finding.message)} _Fix:_ ${escapeMarkdown(finding.hint)}`;
}

function scoreText(score: number | null): string {
  return score === null ? 'n/a' : `${score}/100`;
}

/** Escapes what Markdown would read as formatting, links, HTML or table cells. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (character) => `\\${character}`).replace(/\n+/g, ' ');
}
