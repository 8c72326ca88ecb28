import type { ReadinessReport } from '../model/schemas/readiness.ts';

/** The readiness report as plain lines for a terminal or a CI log: scores, then findings. */
export function formatReadinessText(report: ReadinessReport): string[] {
  const lines = [`Readiness of ${report.service}: ${score(report.score)}`];
  const width = Math.max(...report.areas.map((area) => area.title.length));
  const flagged = new Set(report.findings.map((finding) => finding.rule));
  for (const area of report.areas) {
    lines.push(`  ${area.title.padEnd(width)}  ${score(area.score).padStart(7)}`);
    for (const rule of area.rules) {
      const detail = rule.skipped ? 'skipped in config' : rule.checked === 0 ? 'nothing to check' : `${rule.passed}/${rule.checked}`;
      lines.push(`    ${flagged.has(rule.id) ? '✗' : ' '} ${rule.id} (${detail})`);
    }
  }
  if (report.findings.length > 0) lines.push('', `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}:`);
  for (const finding of report.findings) {
    const where = finding.file ? [finding.file, finding.line].filter((part) => part != null).join(':') : '(repo)';
    lines.push(`${where} ${finding.severity} ${finding.rule}: ${finding.message}`, `    fix: ${finding.hint}`);
  }
  return lines;
}

function score(value: number | null): string {
  return value === null ? 'n/a' : `${value}/100`;
}
