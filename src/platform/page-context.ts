import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from './i18n.ts';

/** Who is logged in, as the layout needs to show it. Filled by the identity feature. */
export interface Viewer {
  displayName: string;
  /** Where "Mina sidor" or the staff start page is. */
  homeHref: string;
  /** Organisation or board the person acts for right now. */
  actingFor: string | null;
}

/** What every page view needs besides its own data. */
export interface PageContext {
  lang: Lang;
  /** Path and query of this request, for the language switch and login return. */
  url: string;
  viewer: Viewer | null;
  demoMode: boolean;
  csrfToken: string | null;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    lang: request.lang,
    url: request.url,
    viewer: request.viewer,
    demoMode: request.server.demoMode,
    // Only a logged-in visitor has a session to keep a CSRF secret in, and only they post forms.
    csrfToken: request.viewer ? reply.generateCsrf() : null,
  };
}
