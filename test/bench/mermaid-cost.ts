// What Mermaid costs on its own: one shared Chromium started, then the repo's diagrams rendered,
// with the same function the build uses. The build's emit stage includes this time.
import { renderMermaid } from '../../scripts/emit/mermaid/render-mermaid.ts';
import { flowchart } from './generate-repo.ts';

/** Seconds to render `count` distinct diagrams (0 when there are none). */
export async function measureMermaid(count: number): Promise<{ count: number; seconds: number }> {
  if (count === 0) return { count, seconds: 0 };
  const started = performance.now();
  const batch = await renderMermaid(Array.from({ length: count }, (_, index) => flowchart(index + 1)));
  if (batch.unavailable) throw new Error(`Mermaid could not render: ${batch.unavailable}`);
  return { count, seconds: (performance.now() - started) / 1000 };
}
