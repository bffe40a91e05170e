import CSRF from '@fastify/csrf';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** State-changing routes are CSRF-checked unless they opt out (e.g. an OIDC callback). */
    skipCsrf?: boolean;
    /**
     * The route reads its multipart form with `readMultipart`, which checks the token in the form's
     * first field before any file is read. The token never travels in the URL, where access logs
     * would keep it.
     */
    csrfInMultipart?: boolean;
  }
}

/**
 * Where the secret is kept in the session and how tokens are made: given to @fastify/csrf-protection
 * and used by the multipart check alike, so that the two can never disagree.
 */
export const CSRF_SESSION_KEY = '_csrf';
export const csrfTokenOptions: Readonly<CSRF.Options> = Object.freeze({});
const tokens = CSRF({ ...csrfTokenOptions });

/**
 * Throws unless a multipart form's token belongs to this session; without a token it always
 * throws. The errors are those of @fastify/csrf-protection, so the refusal is the same page as for
 * other forms.
 */
export function checkMultipartToken(request: FastifyRequest, token: null): never;
export function checkMultipartToken(request: FastifyRequest, token: string | null): void;
export function checkMultipartToken(request: FastifyRequest, token: string | null): void {
  const secret: unknown = request.session?.get(CSRF_SESSION_KEY as never);
  if (typeof secret === 'string' && token !== null && tokens.verify(secret, token)) return;
  const missing = typeof secret !== 'string';
  request.log.warn({ missingSecret: missing }, 'multipart form refused: CSRF token');
  throw Object.assign(new Error(missing ? 'Missing csrf secret' : 'Invalid csrf token'), {
    statusCode: 403,
    code: missing ? 'FST_CSRF_MISSING_SECRET' : 'FST_CSRF_INVALID_TOKEN',
  });
}
