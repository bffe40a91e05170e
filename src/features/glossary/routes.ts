import type { FastifyPluginAsync } from 'fastify';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { listGlossaryEntries } from './queries.ts';
import { GlossaryPage, glossaryPath } from './views.tsx';

export const glossaryRoutes: FastifyPluginAsync = async (app) => {
  app.get(glossaryPath, { config: { pageCache: true } }, async (request, reply) => {
    const entries = await listGlossaryEntries(app.database.db);
    return sendHtml(reply, GlossaryPage({ ctx: pageContext(request, reply), entries }));
  });
};
