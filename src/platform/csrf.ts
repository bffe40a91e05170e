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

// Where @fastify/csrf-protection keeps the secret in the session, and its token options (the defaults).
const SESSION_KEY = '_csrf';
const tokens = CSRF();

export function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

/** Whether a multipart form's token belongs to this session, as the check of other forms decides. */
export function multipartTokenValid(request: FastifyRequest, token: string): boolean {
  const secret: unknown = request.session?.get(SESSION_KEY as never);
  return typeof secret === 'string' && tokens.verify(secret, token);
}

/** The refusal a form with a missing or wrong token gets: the same error and page as other forms. */
export function invalidTokenError(): Error {
  return Object.assign(new Error('Invalid csrf token'), { statusCode: 403, code: 'FST_CSRF_INVALID_TOKEN' });
}
