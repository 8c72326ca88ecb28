/**
 * Makes a Helm-templated YAML file parseable without running the template: lines that are only
 * template actions (`{{- if .Values.x }}`, `{{- end }}`, `{{ include ... | nindent 4 }}`) become
 * blank, and an action standing for a whole value (`severity: {{ .Values.severity }}`) is quoted.
 * Actions inside strings (`summary: "{{ $labels.pod }} is down"`) are left alone: they are
 * Prometheus templates, shown as written. Line numbers are kept.
 */
export function neutraliseHelmTemplate(yaml: string): { text: string; templated: boolean } {
  let templated = false;
  const lines = yaml.split('\n').map((line) => {
    if (/^\s*(\{\{-?[\s\S]*?-?\}\}\s*)+$/.test(line)) {
      templated = true;
      return '';
    }
    return line.replace(/^(\s*(?:-\s+)?[\w.-]+:\s+)(\{\{[^}]*\}\}[^#'"]*?)\s*$/, (_match, key: string, value: string) => {
      templated = true;
      return `${key}${JSON.stringify(value)}`;
    });
  });
  return { text: lines.join('\n'), templated };
}

/** True when a YAML file holds Helm template actions outside strings (so it needs the above). */
export function looksHelmTemplated(yaml: string): boolean {
  return /^\s*\{\{-?\s*(if|else|end|range|with|define|include|template|toYaml|\/\*)/m.test(yaml);
}
