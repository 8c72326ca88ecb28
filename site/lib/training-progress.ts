/**
 * Training progress, kept in the reader's browser (localStorage): no server, nothing sent.
 * One entry per module: quizzes answered right, checklist items ticked, and "done".
 */
export interface ModuleProgress {
  quizzes: Record<string, boolean>;
  checklist: Record<string, boolean>;
  done: boolean;
  /** ISO date the module was marked done. */
  doneOn?: string;
}

const PREFIX = 'handover-training:';

/** Keys are per site (its base path), so two handover sites on one host do not mix. */
function key(moduleId: string): string {
  return `${PREFIX}${import.meta.env.BASE_URL}${moduleId}`;
}

/** The stored progress of a module (empty when none, or when storage is unavailable). */
export function readProgress(moduleId: string): ModuleProgress {
  try {
    const stored = localStorage.getItem(key(moduleId));
    if (stored) return { quizzes: {}, checklist: {}, done: false, ...JSON.parse(stored) };
  } catch {
    // Private browsing or storage disabled: progress simply is not kept.
  }
  return { quizzes: {}, checklist: {}, done: false };
}

/** Saves a module's progress. */
export function writeProgress(moduleId: string, progress: ModuleProgress): void {
  try {
    localStorage.setItem(key(moduleId), JSON.stringify(progress));
  } catch {
    // See readProgress.
  }
}
