import { z } from 'zod';

/** A formal handover session, from the config, with its modules resolved. */
export const HandoverSessionSchema = z.object({
  kind: z.literal('session'),
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  duration: z.string().nullable(),
  presenters: z.array(z.string()),
  /** Ids of the training modules it covers that exist. */
  modules: z.array(z.string()),
  topics: z.array(z.string()),
  attendees: z.array(z.string()),
});
export type HandoverSession = z.infer<typeof HandoverSessionSchema>;
