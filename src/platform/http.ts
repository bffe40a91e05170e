import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** Sends a rendered view as an HTML page. */
export async function sendHtml(reply: FastifyReply, view: JSX.Element, status = 200): Promise<FastifyReply> {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(await view);
}

/**
 * A same-site path to return to after a redirect; anything else becomes the fallback. Control
 * characters are refused too: Node will not write them into the Location header.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  return typeof value === 'string' && /^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/.test(value) ? value : fallback;
}

/**
 * The text without U+0000, which PostgreSQL text and jsonb cannot hold and no one types: a form
 * value carrying it is kept without it rather than failing the save.
 */
export function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** A URL-encoded form body (string or string[] values) with `withoutNul` applied to every key and value. */
export function formWithoutNul(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const clean = (value: unknown): unknown =>
    typeof value === 'string' ? withoutNul(value) : Array.isArray(value) ? value.map(clean) : value;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [withoutNul(key), clean(value)]));
}

/**
 * Helmet's headers for `options`, worked out once: they are the same for every response, and
 * setting them from a list costs less than running helmet's dozen middlewares on each request.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}
