// The floor of the benchmark: Markdown to HTML pages with gray-matter and unified (remark-parse,
// remark-gfm, remark-rehype, rehype-stringify) and nothing else: no framework, no highlighting,
// no search. Plain JavaScript, so the child process starts without a TypeScript loader.
// Usage: node remark-floor.mjs <markdown-folder> <out-folder>
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const [from, to] = process.argv.slice(2);
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
await mkdir(to, { recursive: true });
for (const name of (await readdir(from)).filter((file) => file.endsWith('.md')).sort()) {
  const { data, content } = matter(await readFile(path.join(from, name), 'utf8'));
  const html = String(await processor.process(content));
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${data.title}</title></head><body><main><h1>${data.title}</h1>${html}</main></body></html>`;
  await mkdir(path.join(to, name.replace(/\.md$/, '')), { recursive: true });
  await writeFile(path.join(to, name.replace(/\.md$/, ''), 'index.html'), page);
}
