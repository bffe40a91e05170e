import type { FastifyPluginAsync } from 'fastify';
import { stockholmDateOf } from '../../platform/format.ts';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { listCalls } from '../calls/queries.ts';
import { groupCalls } from '../calls/rules.ts';
import { listProgrammes } from '../programmes/queries.ts';
import { HomePage } from './views.tsx';

export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { pageCache: true } }, async (request, reply) => {
    const db = app.database.db;
    const today = stockholmDateOf(new Date());
    const [programmes, calls] = await Promise.all([listProgrammes(db), listCalls(db)]);
    const groups = groupCalls(calls, today);
    return sendHtml(
      reply,
      HomePage({ ctx: pageContext(request, reply), programmes, openCalls: groups.open, comingCalls: groups.coming, today }),
    );
  });
};
