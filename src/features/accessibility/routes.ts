import type { FastifyPluginAsync } from 'fastify';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { AccessibilityPage, accessibilityPath } from './views.tsx';

export const accessibilityRoutes: FastifyPluginAsync = async (app) => {
  app.get(accessibilityPath, { config: { pageCache: true } }, (request, reply) =>
    sendHtml(reply, AccessibilityPage({ ctx: pageContext(request, reply) })),
  );
};
