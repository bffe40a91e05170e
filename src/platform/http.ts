import type { FastifyReply } from 'fastify';

/** Sends a rendered view as an HTML page. */
export async function sendHtml(reply: FastifyReply, view: JSX.Element, status = 200): Promise<FastifyReply> {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(await view);
}

/** A same-site path to return to after a redirect; anything else becomes the fallback. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}
