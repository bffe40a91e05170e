import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { PendingLogin } from './oidc.ts';
import { type Actor, actingMembership, anonymous, type LoginKind } from './policy.ts';
import { actorOf, loadActor } from './queries.ts';

export interface PendingForm {
  path: string;
  fields: Record<string, string | string[]>;
}

declare module 'fastify' {
  interface Session {
    personId?: string;
    loginKind?: LoginKind;
    actingOrganisationId?: number | null;
    idToken?: string | null;
    pendingLogin?: PendingLogin;
    pendingForm?: PendingForm;
    /** When (epoch ms) the person last authenticated again on request (max_age=0). */
    freshLoginAt?: number;
  }
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** Anonymous visitors are sent to log in; a form they post is kept and restored afterwards. */
    requiresLogin?: boolean;
  }
}

/** A posted form larger than this is not kept across a login (the session would grow too big). */
const PENDING_FORM_MAX_BYTES = 64 * 1024;

export function loginPath(returnTo: string): string {
  return `/logga-in?tillbaka=${encodeURIComponent(returnTo)}`;
}

function formFields(body: unknown): Record<string, string | string[]> | null {
  if (!body || typeof body !== 'object') return null;
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === '_csrf') continue;
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) fields[name] = value;
    else return null;
  }
  return JSON.stringify(fields).length <= PENDING_FORM_MAX_BYTES ? fields : null;
}

/** The form the visitor posted before logging in, if it was posted to `path`; given out once. */
export function takePendingForm(request: FastifyRequest, path: string): Record<string, string | string[]> | null {
  const pending = request.session.get('pendingForm');
  if (!pending || pending.path !== path) return null;
  request.session.set('pendingForm', undefined);
  return pending.fields;
}

async function requireLogin(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const path = request.url.split('?')[0] ?? '/';
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    // The session ran out while the visitor filled in the form: keep what they wrote on the
    // server and put it back into the form after the new login. Nothing is acted upon here, so the
    // missing CSRF secret of the expired session does not matter.
    const fields = formFields(request.body);
    if (fields) request.session.set('pendingForm', { path, fields });
    return reply.redirect(loginPath(path), 303);
  }
  return reply.redirect(loginPath(request.url), 303);
}

/**
 * Sets `request.actor` and `request.viewer` from the session, and sends anonymous visitors of
 * routes marked `requiresLogin` to the login page. Registered before the CSRF check.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
  });
  app.addHook('preHandler', async (request, reply) => {
    const personId = request.session?.get('personId');
    if (personId) {
      const loginKind = request.session.get('loginKind') ?? 'public';
      const acting = request.session.get('actingOrganisationId') ?? null;
      // Usually the session read brought the person along; a concurrent request may have taken it.
      const read = app.sessionStore.takePerson(request.session.sessionId);
      const loaded =
        read?.personId === personId
          ? actorOf(personId, read, loginKind, acting)
          : await loadActor(app.database.db, personId, loginKind, acting);
      if (loaded) {
        request.actor = loaded.actor;
        const acting = actingMembership(loaded.actor);
        const isStaff = loaded.actor.loginKind === 'staff';
        request.viewer = {
          displayName: [loaded.givenName, loaded.familyName].filter(Boolean).join(' ') || '–',
          home: isStaff ? 'staffStart' : 'myPages',
          actingFor: isStaff ? (loaded.actor.staff[0]?.boardName ?? null) : (acting?.organisationName ?? null),
        };
      } else {
        await request.session.destroy();
      }
    }
    if (request.routeOptions.config.requiresLogin && request.actor.kind === 'anonymous') return requireLogin(request, reply);
  });
});
