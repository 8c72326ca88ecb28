import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** Image types published with the site; anything else stays a link to the repository. */
const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg']);
/** Images above this size are linked in the repository rather than copied. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * Collects the repo images documents show, for copying into the site under `assets/`. Each image
 * gets a stable path from its repo path, so builds stay byte-identical. Images outside the repo
 * (through symlinks), too large, or SVGs that carry script are not published.
 */
export class ImageAssets {
  /** Site path (relative to the base) -> absolute source path, for the writer to copy. */
  readonly files = new Map<string, string>();
  readonly diagnostics: Diagnostic[] = [];
  private readonly decided = new Map<string, string | null>();

  private readonly repoRoot: string;

  constructor(repoRoot: string) {
    this.repoRoot = repoRoot;
  }

  /** Returns the site path for a repo image, or null (the caller falls back to a repo link). */
  publish(repoPath: string, fromFile: string): string | null {
    if (this.decided.has(repoPath)) return this.decided.get(repoPath)!;
    const sitePath = this.decide(repoPath, fromFile);
    this.decided.set(repoPath, sitePath);
    return sitePath;
  }

  private decide(repoPath: string, fromFile: string): string | null {
    if (!IMAGE_EXTENSIONS.has(path.extname(repoPath).toLowerCase())) return null;
    const warn = (code: string, message: string, hint: string) => {
      this.diagnostics.push(createDiagnostic({ file: fromFile }, { severity: 'warning', code, message, hint }));
      return null;
    };
    let absolute: string;
    try {
      const root = realpathSync(this.repoRoot);
      absolute = realpathSync(path.join(this.repoRoot, repoPath));
      if (!absolute.startsWith(root + path.sep)) return warn('image/outside-repo', `The image "${repoPath}" links outside the repository, so it is not published.`, 'Copy the image into the repository.');
      if (statSync(absolute).size > MAX_IMAGE_BYTES) return warn('image/too-large', `The image "${repoPath}" is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB, so it is linked, not copied.`, 'Compress the image.');
    } catch {
      return warn('image/missing', `The image "${repoPath}" does not exist in the repository.`, 'Correct the path (it is relative to the document), or add the image.');
    }
    if (path.extname(repoPath).toLowerCase() === '.svg' && /<script|\son[a-z]+\s*=|javascript:/i.test(readFileSync(absolute, 'utf8'))) {
      return warn('image/unsafe-svg', `The SVG "${repoPath}" contains script, so it is not published with the site.`, 'Remove scripts and event handlers from the SVG.');
    }
    const folder = createHash('sha256').update(repoPath).digest('hex').slice(0, 10);
    const sitePath = `assets/${folder}/${path.basename(repoPath)}`;
    this.files.set(sitePath, absolute);
    return sitePath;
  }
}
