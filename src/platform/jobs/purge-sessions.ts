import { z } from 'zod';
import { DatabaseSessionStore } from '../session-store.ts';
import { defineJob } from './runner.ts';

/** Expired sessions are never read again (the store checks expiry), so they are only dead weight. */
export const purgeExpiredSessionsJob = defineJob({
  name: 'sessions.purge-expired',
  payload: z.object({}),
  schedule: { cron: '17 * * * *' },
  async handle(_payload, { database, config, logger }) {
    const store = new DatabaseSessionStore(database.db, config.SESSION_IDLE_MINUTES * 60_000);
    const purged = await store.purgeExpired(new Date());
    if (purged > 0) logger.info({ purged }, 'expired sessions purged');
  },
});
