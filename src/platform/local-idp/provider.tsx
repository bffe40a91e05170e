import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ClientMetadata, Configuration, KoaContextWithOIDC, default as Provider } from 'oidc-provider';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { MessagePage } from '../auth/message-page.tsx';
import type { ProviderSettings } from '../auth/oidc.ts';
import { callbackPaths } from '../auth/oidc.ts';
import type { LoginKind } from '../auth/policy.ts';
import { sendHtml } from '../http.ts';
import { isLang, type Lang } from '../i18n.ts';
import { type PageContext, pageContext } from '../page-context.ts';
import { DatabaseIdpAdapter, sharedSigningKey } from './adapter.ts';
import {
  LOCAL_ISSUER,
  PERSONAL_IDENTITY_NUMBER_CLAIM,
  PERSONAL_IDENTITY_NUMBER_SCOPE,
  type Persona,
  personas,
  publicPersonas,
  staffPersonas,
} from './personas.ts';
import { localIdpTexts } from './texts.ts';
import { LogoutConfirmPage, PersonaLoginPage } from './views.tsx';

/** Where the local identity provider answers, inside the app itself (same origin: no CSP exceptions). */
export const LOCAL_IDP_PATH = '/lokal-idp';

const clientIds: Record<LoginKind, string> = { public: 'bidragsportalen-e-legitimation', staff: 'bidragsportalen-personal' };

export interface LocalIdentityProvider {
  /** The provider, made on first use: the module and a signing key cost more than the rest of a start. */
  provider(): Promise<Provider>;
  settings: Record<LoginKind, ProviderSettings>;
}

function claimsOf(persona: Persona): Record<string, unknown> {
  return {
    sub: persona.id,
    given_name: persona.givenName,
    family_name: persona.familyName,
    name: `${persona.givenName} ${persona.familyName}`,
    ...(persona.kind === 'public' ? { [PERSONAL_IDENTITY_NUMBER_CLAIM]: persona.personalIdentityNumber } : {}),
  };
}

function staticContext(lang: Lang): PageContext {
  return { lang, url: '/', viewer: null, demoMode: true, csrfToken: null };
}

function langOf(ctx: KoaContextWithOIDC): Lang {
  const lang = ctx.cookies.get('lang');
  return isLang(lang) ? lang : 'sv';
}

/**
 * The embedded OpenID provider for development and demos, built on oidc-provider: it issues real
 * codes and signed tokens, so the app's login code runs the same protocol it runs in production.
 * Its secrets come from the app's session secret and its state and signing key are in the
 * database, so every instance on one database is the same provider: a login started on one
 * finishes on another, and a restart keeps its sessions. The provider is made at the first request
 * to it (usually the first login).
 */
export function createLocalIdentityProvider(publicUrl: string, appSecret: string, db: DbOrTx): LocalIdentityProvider {
  const issuer = `${publicUrl}${LOCAL_IDP_PATH}`;
  const derive = (purpose: string) => createHmac('sha256', appSecret).update(`local-idp:${purpose}`).digest('hex');
  const secrets: Record<LoginKind, string> = { public: derive('client:public'), staff: derive('client:staff') };
  let made: Promise<Provider> | undefined;
  const provider = () => {
    made ??= makeProvider(issuer, publicUrl, secrets, derive('cookies'), db);
    return made;
  };
  const settings = (kind: LoginKind): ProviderSettings => ({
    issuer: new URL(issuer),
    clientId: clientIds[kind],
    clientSecret: secrets[kind],
    recordedIssuer: LOCAL_ISSUER,
  });
  return { provider, settings: { public: settings('public'), staff: settings('staff') } };
}

async function makeProvider(
  issuer: string,
  publicUrl: string,
  secrets: Record<LoginKind, string>,
  cookieKey: string,
  db: DbOrTx,
): Promise<Provider> {
  const [{ default: Provider }, signingKey] = await Promise.all([import('oidc-provider'), sharedSigningKey(db)]);
  const client = (kind: LoginKind): ClientMetadata => ({
    client_id: clientIds[kind],
    client_secret: secrets[kind],
    redirect_uris: [`${publicUrl}${callbackPaths[kind]}`],
    post_logout_redirect_uris: [`${publicUrl}/utloggad`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  const configuration: Configuration = {
    clients: [client('public'), client('staff')],
    jwks: { keys: [{ ...signingKey, use: 'sig', kid: 'local' } as never] },
    adapter: (model: string) => new DatabaseIdpAdapter(db, model),
    cookies: { keys: [cookieKey] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', PERSONAL_IDENTITY_NUMBER_SCOPE],
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'name'],
      [PERSONAL_IDENTITY_NUMBER_SCOPE]: [PERSONAL_IDENTITY_NUMBER_CLAIM],
    },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = await (<LogoutConfirmPage ctx={staticContext(langOf(ctx))} form={form} />);
        },
        async postLogoutSuccessSource(ctx) {
          const t = localIdpTexts(langOf(ctx));
          ctx.type = 'html';
          ctx.body = await (
            <MessagePage ctx={staticContext(langOf(ctx))} title={t.loggedOutTitle} link={{ href: publicUrl, text: t.backToService }} />
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${LOCAL_IDP_PATH}/inloggning/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const persona = personas.find((p) => p.id === id);
      return persona ? { accountId: persona.id, claims: () => claimsOf(persona) as { sub: string } } : undefined;
    },
    async renderError(ctx) {
      const t = localIdpTexts(langOf(ctx));
      ctx.type = 'html';
      ctx.body = await (
        <MessagePage
          ctx={staticContext(langOf(ctx))}
          title={t.errorTitle}
          body={t.errorBody}
          link={{ href: publicUrl, text: t.backToService }}
        />
      );
    },
    ttl: { Session: 8 * 3600, Interaction: 600, Grant: 8 * 3600, AccessToken: 600, IdToken: 3600, AuthorizationCode: 60 },
  };
  return new Provider(issuer, configuration);
}

const choiceSchema = z.object({ persona: z.string().optional() });

function personasFor(clientId: unknown): Persona[] {
  return clientId === clientIds.staff ? staffPersonas : publicPersonas;
}

/** Mounts the provider: its protocol endpoints raw, its login page as ordinary app routes. */
export async function mountLocalIdentityProvider(app: FastifyInstance, idp: LocalIdentityProvider): Promise<void> {
  const loginLimit = { rateLimit: { max: app.config.RATE_LIMIT_LOGIN_MAX, timeWindow: '1 minute' } };

  const renderChoice = async (request: FastifyRequest, reply: import('fastify').FastifyReply, missingChoice: boolean) => {
    const details = await (await idp.provider()).interactionDetails(request.raw, reply.raw);
    const ctx = { ...pageContext(request, reply), csrfToken: reply.generateCsrf() };
    return sendHtml(
      reply,
      <PersonaLoginPage
        ctx={ctx}
        action={`${LOCAL_IDP_PATH}/inloggning/${details.uid}`}
        staff={details.params.client_id === clientIds.staff}
        personas={personasFor(details.params.client_id)}
        missingChoice={missingChoice}
      />,
      missingChoice ? 400 : 200,
    );
  };

  app.get(`${LOCAL_IDP_PATH}/inloggning/:uid`, async (request, reply) => renderChoice(request, reply, false));

  app.post(`${LOCAL_IDP_PATH}/inloggning/:uid`, { config: loginLimit }, async (request, reply) => {
    const provider = await idp.provider();
    const details = await provider.interactionDetails(request.raw, reply.raw);
    const { persona: chosen } = choiceSchema.parse(request.body ?? {});
    const persona = personasFor(details.params.client_id).find((p) => p.id === chosen);
    if (!persona) return renderChoice(request, reply, true);
    const grant = new provider.Grant({ accountId: persona.id, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    const redirectTo = await provider.interactionResult(
      request.raw,
      reply.raw,
      { login: { accountId: persona.id }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    return reply.redirect(redirectTo, 303);
  });

  // The protocol endpoints read their own bodies: this scope leaves the request stream unparsed.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    let callback: ReturnType<Provider['callback']> | undefined;
    scope.all(`${LOCAL_IDP_PATH}/*`, { config: { skipCsrf: true } }, async (request, reply) => {
      callback ??= (await idp.provider()).callback();
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url ?? '/';
      raw.url = (raw.url ?? '/').slice(LOCAL_IDP_PATH.length) || '/';
      callback(request.raw, reply.raw);
    });
  });
}
