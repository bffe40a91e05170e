import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import session from '@fastify/session';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { features } from './features/index.ts';
import { authPlugin } from './platform/auth/plugin.ts';
import { CSRF_SESSION_KEY, csrfTokenOptions } from './platform/csrf.ts';
import { registerErrorPages, sendBadUrl } from './platform/errors.tsx';
import { formWithoutNul, safeReturnPath, securityHeaders } from './platform/http.ts';
import { isLang, type Lang } from './platform/i18n.ts';
import { PageCache, PublicContentChanges, pageCacheServerFactory, registerPageCache } from './platform/page-cache.ts';
import type { Viewer } from './platform/page-context.ts';
import { sessionSecret } from './platform/session-secret.ts';
import { DatabaseSessionStore } from './platform/session-store.ts';
import type { ClamdScanner } from './platform/storage/clamd.ts';
import { configuredFileStorage, configuredScanner } from './platform/storage/configured.ts';
import type { FileStorage } from './platform/storage/file-storage.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    pageCache: PageCache | null;
    /** Sessions in the database; its reads bring the logged-in person along for the auth hook. */
    sessionStore: DatabaseSessionStore;
    /** Signs the session cookies; the local identity provider derives its secrets from it. */
    sessionSecret: string;
    publicContent: PublicContentChanges;
    /** True when the local identity provider and demo data are in use. */
    demoMode: boolean;
    /** Uploaded files: local disk or S3, as configured. */
    files: FileStorage;
    /** The virus scanner, when CLAMD_HOST is set. */
    scanner: ClamdScanner | null;
  }
  interface FastifyRequest {
    lang: Lang;
    viewer: Viewer | null;
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

const publicDir = fileURLToPath(new URL('../public/build', import.meta.url));

export async function buildApp({ config, database, logger }: AppOptions): Promise<FastifyInstance> {
  // Worked out once here: @fastify/helmet builds helmet anew on every request, parsing the
  // policy each time (8–12 µs a request, against 2 for helmet built once and less for a list).
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        // Login posts and redirects go to the identity providers.
        formAction: ["'self'", ...[config.OIDC_PUBLIC_ISSUER, config.OIDC_STAFF_ISSUER].flatMap((u) => (u ? [new URL(u).origin] : []))],
        upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
  });
  const pageCache = config.PAGE_CACHE ? new PageCache(config.PAGE_CACHE_MAX_ENTRIES) : null;
  const app = Fastify({
    // Cache hits are answered by the HTTP server itself, before Fastify routes them.
    ...(pageCache ? { serverFactory: pageCacheServerFactory(pageCache) } : {}),
    logger: logger ?? { level: config.LOG_LEVEL },
    trustProxy: config.NODE_ENV === 'production',
    bodyLimit: 2 * 1024 * 1024,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (error, request, reply) => {
      // Before any hook: the headers every response has.
      reply.headers(headers);
      void sendBadUrl(error, request, reply);
    },
  });
  // A response finished while the app closes ends its connection: otherwise close() waits for the
  // client's keep-alive connection to time out (72 s) after the last in-flight request.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('files', configuredFileStorage(config));
  app.decorate('scanner', configuredScanner(config));
  app.decorate('demoMode', !config.OIDC_PUBLIC_ISSUER && config.NODE_ENV !== 'production');
  app.decorateRequest('lang', 'sv');
  app.decorateRequest('viewer', null);

  const publicContent = await PublicContentChanges.listen(database);
  app.decorate('publicContent', publicContent.changes);
  app.addHook('onClose', async () => publicContent.stop());
  app.decorate('pageCache', pageCache);
  registerPageCache(app, pageCache);

  // Before every other hook but the page cache's (a hit carries the headers it was stored with),
  // so that every response has them, a 400 from the next hook too.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cookie);
  app.addHook('onRequest', async (request) => {
    const lang = request.cookies.lang;
    if (isLang(lang)) request.lang = lang;
    // No address of the service holds U+0000, and PostgreSQL cannot compare text with it: the
    // 400 page, not a failed query.
    if (request.url.includes('%00')) throw Object.assign(new Error('NUL in the URL'), { statusCode: 400 });
  });
  app.addHook('preValidation', async (request) => {
    request.body = formWithoutNul(request.body);
  });

  await app.register(compress, {
    threshold: 1024,
    // Pages made per request: gzip before brotli when a browser takes both. On a 13 KB page gzip
    // sends as few bytes (3.3 KB) for a third of the CPU; stored pages and assets are brotli.
    encodings: ['gzip', 'br', 'deflate'],
    // Compress rendered pages in one call rather than through a zlib stream. The plugin streams
    // anything over 8 KB on two cores, which measured 271 against 72 µs of CPU per 9 KB page (and
    // the application pages are 5–8 KB); pages here stay well under 64 KB.
    syncThreshold: 64 * 1024,
    // Level 1, as nginx's default: an 8.3 KB application page went from 3604 to 3759 bytes and its
    // request from about 1025 to 934 µs of CPU. Stored pages and assets keep the best compression.
    zlibOptions: { level: 1 },
  });
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_MAX,
    timeWindow: '1 minute',
    // A socket closed by the client can leave request.ip undefined, which the default key crashes on.
    keyGenerator: (request) => request.ip ?? request.socket?.remoteAddress ?? 'unknown',
  });
  await app.register(formbody);
  const sessions = await DatabaseSessionStore.listening(
    database,
    config.SESSION_IDLE_MINUTES * 60_000,
    config.SESSION_REUSE_SECONDS * 1000,
  );
  const sessionStore = sessions.store;
  app.addHook('onClose', async () => sessions.stop());
  app.decorate('sessionStore', sessionStore);
  const secret = sessionSecret(config);
  app.decorate('sessionSecret', secret);
  await app.register(session, {
    secret,
    cookieName: 'sid',
    saveUninitialized: false,
    rolling: true,
    store: sessionStore,
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.publicUrl.startsWith('https:'),
      maxAge: config.SESSION_IDLE_MINUTES * 60_000,
    },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/session',
    sessionKey: CSRF_SESSION_KEY,
    csrfOpts: { ...csrfTokenOptions },
    getToken: (request) => {
      const fromBody = (request.body as Record<string, unknown> | undefined)?._csrf;
      const token = fromBody ?? request.headers['x-csrf-token'];
      return typeof token === 'string' ? token : undefined;
    },
  });
  // Before the CSRF check: a form posted after the session ended is kept for after the new login.
  await app.register(authPlugin);
  app.addHook('preHandler', (request, reply, done) => {
    const safe = request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    const { config: route, url } = request.routeOptions;
    if (safe || route.skipCsrf || !url || (route.csrfInMultipart && request.isMultipart?.() === true)) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    maxAge: '1h',
    // build-assets writes a .br and a .gz beside each asset.
    preCompressed: true,
  });

  app.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
    try {
      await database.query('SELECT 1');
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.get<{ Params: { lang: string }; Querystring: { tillbaka?: string } }>('/sprak/:lang', async (request, reply) => {
    if (!isLang(request.params.lang)) return reply.callNotFound();
    reply.setCookie('lang', request.params.lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86_400 });
    return reply.redirect(safeReturnPath(request.query.tillbaka));
  });

  registerErrorPages(app);
  for (const feature of features) await app.register(feature);
  return app;
}
