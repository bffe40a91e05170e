import type { FastifyPluginAsync } from 'fastify';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { ChecklistsPage, checklistsPath, GuidancePage, guidancePath } from './views.tsx';

export const guidanceRoutes: FastifyPluginAsync = async (app) => {
  app.get(guidancePath, { config: { pageCache: true } }, (request, reply) =>
    sendHtml(reply, GuidancePage({ ctx: pageContext(request, reply) })),
  );
  app.get(checklistsPath, { config: { pageCache: true } }, (request, reply) =>
    sendHtml(reply, ChecklistsPage({ ctx: pageContext(request, reply) })),
  );
};
