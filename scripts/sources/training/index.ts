import path from 'node:path';
import type { TrainingModule } from '../../model/schemas/training.ts';
import { listingOf } from '../shared/repo-files.ts';
import type { Source } from '../types.ts';
import { parseTrainingModule } from './parse-training.ts';

/** Training modules written by the outgoing team. */
export const trainingSource: Source<TrainingModule> = {
  kind: 'training',
  async discover(context) {
    const folders = context.config.training.paths ?? ['docs/training', 'training', 'docs/onboarding'];
    const listing = listingOf(context);
    const files = await Promise.all(folders.map((folder) => listing.glob(['**/*.{md,mdx,markdown}'], { cwd: folder, caseSensitiveMatch: false, ignore: ['**/node_modules/**'] }).then((found) => found.map((file) => path.posix.join(folder, file))).catch(() => [])));
    return [...new Set(files.flat())].sort();
  },
  parse(file) {
    if (/(^|\/)(readme|index|_index)\.(md|mdx|markdown)$/i.test(file.path)) return { records: [], diagnostics: [], skipped: 'index or README of the training folder' };
    return parseTrainingModule(file);
  },
};
