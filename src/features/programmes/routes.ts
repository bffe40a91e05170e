import type { FastifyPluginAsync } from 'fastify';
import { sendNotFound } from '../../platform/errors.tsx';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { getCountyProgramme, getProgramme, listProgrammes } from './queries.ts';
import { CountyProgrammePage, ProgrammeListPage, ProgrammePage } from './views.tsx';

export const programmeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/bidrag', { config: { pageCache: true } }, async (request, reply) =>
    sendHtml(reply, ProgrammeListPage({ ctx: pageContext(request, reply), programmes: await listProgrammes(app.database.db) })),
  );

  app.get<{ Params: { programme: string } }>('/bidrag/:programme', { config: { pageCache: true } }, async (request, reply) => {
    const programme = await getProgramme(app.database.db, request.params.programme);
    if (!programme) return sendNotFound(request, reply);
    return sendHtml(reply, ProgrammePage({ ctx: pageContext(request, reply), programme }));
  });

  app.get<{ Params: { programme: string; countySlug: string } }>(
    '/bidrag/:programme/:countySlug',
    { config: { pageCache: true } },
    async (request, reply) => {
      const detail = await getCountyProgramme(app.database.db, request.params.programme, request.params.countySlug);
      if (!detail) return sendNotFound(request, reply);
      return sendHtml(reply, CountyProgrammePage({ ctx: pageContext(request, reply), detail }));
    },
  );
};
