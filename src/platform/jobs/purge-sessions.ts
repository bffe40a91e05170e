import { z } from 'zod';
import { purgeExpiredIdpRecords } from '../local-idp/adapter.ts';
import { DatabaseSessionStore } from '../session-store.ts';
import { defineJob } from './runner.ts';

/**
 * Expired sessions, and the local identity provider's expired records, are never read again (both
 * check expiry), so they are only dead weight.
 */
export const purgeExpiredSessionsJob = defineJob({
  name: 'sessions.purge-expired',
  payload: z.object({}),
  schedule: { cron: '17 * * * *' },
  async handle(_payload, { database, config, logger }) {
    const store = new DatabaseSessionStore(database.db, config.SESSION_IDLE_MINUTES * 60_000);
    const purged = await store.purgeExpired(new Date());
    const purgedIdp = await purgeExpiredIdpRecords(database.db, new Date());
    if (purged + purgedIdp > 0) logger.info({ purged, purgedIdp }, 'expired sessions purged');
  },
});
