import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from './i18n.ts';

/** Who is logged in, as the layout needs to show it. Filled by the identity feature. */
export interface Viewer {
  displayName: string;
  /** The person's own start page: "Mina sidor", or the county board's start page for staff. */
  home: 'myPages' | 'staffStart';
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

/**
 * The request's path and query without a CSRF token, which must not travel in links. No form puts
 * it in the address now, but a page opened before they stopped may still post it there.
 */
function pageUrl(url: string): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  params.delete('_csrf');
  const rest = params.toString();
  return rest ? `${url.slice(0, at)}?${rest}` : url.slice(0, at);
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    lang: request.lang,
    url: pageUrl(request.url),
    viewer: request.viewer,
    demoMode: request.server.demoMode,
    // Only a logged-in visitor has a session to keep a CSRF secret in, and only they post forms.
    csrfToken: request.viewer ? reply.generateCsrf() : null,
  };
}
