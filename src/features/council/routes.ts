import type { FastifyPluginAsync } from 'fastify';
import { sendNotFound } from '../../platform/errors.tsx';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { findCouncil, listCouncils } from './queries.ts';
import { CouncilPage, CouncilsPage, councilsPath } from './views.tsx';

export const councilRoutes: FastifyPluginAsync = async (app) => {
  app.get(councilsPath, { config: { pageCache: true } }, async (request, reply) => {
    const councils = await listCouncils(app.database.db);
    return sendHtml(reply, CouncilsPage({ ctx: pageContext(request, reply), councils }));
  });

  app.get<{ Params: { countySlug: string } }>(`${councilsPath}/:countySlug`, { config: { pageCache: true } }, async (request, reply) => {
    const council = await findCouncil(app.database.db, request.params.countySlug);
    if (!council) return sendNotFound(request, reply);
    return sendHtml(reply, CouncilPage({ ctx: pageContext(request, reply), council }));
  });
};
