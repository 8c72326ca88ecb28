import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Attributes that hold URLs; `content` only where a meta tag holds one (og:url, refresh). */
const URL_ATTRIBUTE = /\s(href|src|srcset|action|poster|data|xlink:href)=("[^"]*"|'[^']*')/gi;
const META_URL = /<meta\b[^>]*(?:property="og:(?:url|image)"|name="twitter:image"|http-equiv="refresh")[^>]*>/gi;

/** Every URL in a page's static HTML attributes (href, src, srcset, action, og:url, refresh...). */
export function findHtmlUrls(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(URL_ATTRIBUTE)) {
    const value = decodeEntities(match[2]!.slice(1, -1)).trim();
    if (match[1]!.toLowerCase() === 'srcset') urls.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean));
    else urls.push(value);
  }
  for (const [tag] of html.matchAll(META_URL)) {
    const content = /content="([^"]*)"/i.exec(tag)?.[1] ?? '';
    urls.push(decodeEntities(content.replace(/^\s*\d+\s*;\s*url=/i, '')).trim());
  }
  return urls;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&#47;/g, '/');
}

/**
 * Checks every static URL of every HTML file in `site`, as published at `siteUrl` + `base`: a URL
 * on the site's own origin must stay under `base` and name a file that exists. Returns problems.
 */
export async function checkHtmlUrls(site: string, siteUrl: string, base: string): Promise<string[]> {
  const origin = new URL(siteUrl).origin;
  const problems: string[] = [];
  const files = (await readdir(site, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  for (const file of files) {
    const pageUrl = new URL(`${base}${file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`, origin);
    const html = await readFile(path.join(site, file), 'utf8');
    for (const url of findHtmlUrls(html)) {
      if (url === '' || url.startsWith('#') || /^(mailto|tel|data|javascript):/i.test(url)) continue;
      const resolved = new URL(url, pageUrl);
      if (resolved.origin !== origin) continue;
      if (!resolved.pathname.startsWith(base)) {
        problems.push(`${file}: ${url} leaves ${base}`);
        continue;
      }
      const relative = decodeURIComponent(resolved.pathname.slice(base.length));
      const target = path.join(site, relative);
      // `404/` is the 404 page's own canonical URL: hosts serve `404.html` for it.
      const exists = (existsSync(target) && (!statSync(target).isDirectory() || existsSync(path.join(target, 'index.html')))) || existsSync(`${target.replace(/[/\\]$/, '')}.html`);
      if (!exists) problems.push(`${file}: ${url} names no file in the site`);
    }
  }
  return problems;
}
