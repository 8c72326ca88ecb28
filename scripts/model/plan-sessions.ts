import { slug } from 'github-slugger';
import type { HandoverConfig } from '../config/schema.ts';
import type { HandoverSession } from './schemas/session.ts';
import type { TrainingModule } from './schemas/training.ts';

/** Sessions from the config, with module references checked against the learning path. Pure. */
export function planSessions(config: HandoverConfig, training: readonly TrainingModule[]): { sessions: HandoverSession[]; unknownModules: { session: string; module: string }[] } {
  const known = new Set(training.map((module) => module.id));
  const unknownModules: { session: string; module: string }[] = [];
  const used = new Set<string>();
  const sessions = config.sessions.map((session, index) => {
    let id = slug(session.title) || `session-${index + 1}`;
    if (used.has(id)) id = `${id}-${index + 1}`;
    used.add(id);
    for (const module of session.modules) if (!known.has(module)) unknownModules.push({ session: session.title, module });
    return {
      kind: 'session' as const, id, title: session.title, date: session.date ?? null, duration: session.duration ?? null,
      presenters: session.presenters, modules: session.modules.filter((module) => known.has(module)), topics: session.topics, attendees: session.attendees,
    };
  });
  return { sessions, unknownModules };
}
