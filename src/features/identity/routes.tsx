import { createHash, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { identityFromClaims } from '../../platform/auth/claims.ts';
import { MessagePage } from '../../platform/auth/message-page.tsx';
import { IdentityProviders, type ProviderSettings } from '../../platform/auth/oidc.ts';
import { takePendingForm } from '../../platform/auth/plugin.ts';
import { type Actor, actingMembership, can, type LoginKind, type MemberRole } from '../../platform/auth/policy.ts';
import { loadActor } from '../../platform/auth/queries.ts';
import { configuredProviders } from '../../platform/auth/settings.ts';
import { forbidden } from '../../platform/errors.tsx';
import { stockholmDateOf } from '../../platform/format.ts';
import { safeReturnPath, sendHtml } from '../../platform/http.ts';
import { createLocalIdentityProvider, mountLocalIdentityProvider } from '../../platform/local-idp/provider.tsx';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { pageContext } from '../../platform/page-context.ts';
import { listMyPagesApplications } from '../applications/queries.ts';
import { MyApplications } from '../applications/views.tsx';
import {
  confirmEmail,
  createAccessRequest,
  decideAccessRequest,
  findAccessRequest,
  findOrganisation,
  findPerson,
  hasPendingAccessRequest,
  listBoardCalls,
  listOrganisations,
  listOwnAccessRequests,
  listPendingAccessRequests,
  listStaffApplications,
  recordLogin,
  startEmailVerification,
} from './queries.ts';
import { checkAccessRequest, verificationExpiresAt } from './rules.ts';
import { texts } from './texts.ts';
import {
  type AccessFormErrors,
  type AccessFormValues,
  AccessRequestsAdminView,
  AccessRequestView,
  type DecisionErrors,
  EmailSentView,
  type FormError,
  LoginPage,
  MyPagesView,
  OrganisationPicker,
  ProfileView,
  StaffStartView,
} from './views.tsx';

type Person = Extract<Actor, { kind: 'person' }>;

function person(actor: Actor): Person {
  if (actor.kind !== 'person') throw forbidden();
  return actor;
}

const loginKindOfPath: Record<string, LoginKind> = { 'e-legitimation': 'public', personal: 'staff' };
const returnQuery = z.object({ tillbaka: z.string().optional() });
const emailSchema = z.object({ email: z.string().trim().max(254).pipe(z.email()) });
const pickerSchema = z.object({ organisationId: z.coerce.number().int().positive() });
// Texts are read whatever their length, so that one too long is refused beside its field, not lost.
const MAX_TEXT = 2000;
const accessSchema = z.object({
  organisationId: z.string().default(''),
  roles: z.union([z.string(), z.array(z.string())]).default([]),
  motivation: z.string().default(''),
});
const decisionSchema = z.object({ decision: z.string().default(''), answer: z.string().default('') });

function asList(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const identityRoutes: FastifyPluginAsync = async (app) => {
  const configured = configuredProviders(app.config);
  let settings: Record<LoginKind, ProviderSettings>;
  if (configured.public && configured.staff) {
    settings = { public: configured.public, staff: configured.staff };
  } else {
    const local = createLocalIdentityProvider(app.config.publicUrl, app.sessionSecret, app.database.db);
    await mountLocalIdentityProvider(app, local);
    settings = { public: configured.public ?? local.settings.public, staff: configured.staff ?? local.settings.staff };
  }
  const providers = new IdentityProviders(settings, app.config.publicUrl);
  const loginLimit = { rateLimit: { max: app.config.RATE_LIMIT_LOGIN_MAX, timeWindow: '1 minute' } };
  const db = app.database.db;

  const loginFailed = (request: FastifyRequest, reply: FastifyReply, body?: string) => {
    const t = texts(request.lang);
    return sendHtml(
      reply,
      <MessagePage
        ctx={pageContext(request, reply)}
        title={t.loginFailedTitle}
        body={body ?? t.loginFailedBody}
        link={{ href: '/logga-in', text: t.tryAgain }}
      />,
      400,
    );
  };

  app.get('/logga-in', async (request, reply) => {
    const { tillbaka } = returnQuery.parse(request.query);
    const returnTo = safeReturnPath(tillbaka);
    const formKept = request.session.get('pendingForm')?.path === returnTo.split('?')[0];
    return sendHtml(reply, <LoginPage ctx={pageContext(request, reply)} returnTo={returnTo} formKept={formKept} />);
  });

  app.get<{ Params: { kind: string } }>('/logga-in/:kind', { config: loginLimit }, async (request, reply) => {
    const kind = loginKindOfPath[request.params.kind];
    if (!kind) return reply.callNotFound();
    const { tillbaka } = returnQuery.parse(request.query);
    const fallback = kind === 'staff' ? '/handlaggning' : '/mina-sidor';
    // `?igen=1`: authenticate again even with a live provider session (a signatory's approval).
    const fresh = (request.query as { igen?: string }).igen === '1' ? { now: new Date() } : undefined;
    const { url, pending } = await providers.startLogin(kind, safeReturnPath(tillbaka, fallback), fresh);
    request.session.set('pendingLogin', pending);
    return reply.redirect(url.href, 303);
  });

  app.get<{ Params: { kind: string } }>('/logga-in/retur/:kind', { config: loginLimit }, async (request, reply) => {
    const kind = loginKindOfPath[request.params.kind];
    if (!kind) return reply.callNotFound();
    const pending = request.session.get('pendingLogin');
    // The login state is used once: a replayed or forged callback finds nothing to complete.
    request.session.set('pendingLogin', undefined);
    if (!pending || pending.kind !== kind) return loginFailed(request, reply);
    let claims: Record<string, unknown>;
    let idToken: string | null;
    try {
      ({ claims, idToken } = await providers.completeLogin(pending, new URL(request.url, app.config.publicUrl)));
    } catch (err) {
      request.log.info({ err }, 'login refused');
      return loginFailed(request, reply);
    }
    const result = identityFromClaims(kind, claims, {
      issuer: settings[kind].recordedIssuer,
      staffSubjectClaim: app.config.OIDC_STAFF_SUBJECT_CLAIM,
    });
    if (!result.ok) return loginFailed(request, reply, texts(request.lang).loginNoIdentity);
    const personId = await db.transaction((tx) => recordLogin(tx, result.identity, new Date()));
    // A new session id at login, so that an id planted before the login is worth nothing.
    await request.session.regenerate(['pendingForm']);
    request.session.set('personId', personId);
    request.session.set('loginKind', kind);
    request.session.set('idToken', idToken);
    request.session.set('freshLoginAt', pending.freshSince !== undefined ? Date.now() : undefined);
    const loaded = await loadActor(db, personId, kind, null);
    const only = loaded?.actor.memberships.length === 1 ? loaded.actor.memberships[0] : undefined;
    request.session.set('actingOrganisationId', only?.organisationId ?? null);
    return reply.redirect(pending.returnTo, 303);
  });

  app.post('/logga-ut', async (request, reply) => {
    const kind = request.session.get('loginKind');
    const idToken = request.session.get('idToken') ?? null;
    await request.session.destroy();
    const url = kind ? await providers.logoutUrl(kind, idToken) : null;
    return reply.redirect(url?.href ?? '/utloggad', 303);
  });

  app.get('/utloggad', async (request, reply) => {
    const t = texts(request.lang);
    return sendHtml(
      reply,
      <MessagePage
        ctx={pageContext(request, reply)}
        title={t.loggedOutTitle}
        body={t.loggedOutBody}
        link={{ href: '/', text: t.startPage }}
      />,
    );
  });

  // For the idle-timeout warning script: how long a session lasts without activity.
  app.get('/inloggning/tidsgrans', async (request) => ({
    loggedIn: request.actor.kind === 'person',
    idleSeconds: app.config.SESSION_IDLE_MINUTES * 60,
  }));

  // Any authenticated request renews the rolling session; this one does only that.
  app.post('/inloggning/forny', { config: { requiresLogin: true } }, async (_request, reply) => reply.code(204).send());

  app.get('/mina-sidor', { config: { requiresLogin: true } }, async (request, reply) => {
    const actor = request.actor;
    if (!can(actor, 'myPages.view')) throw forbidden();
    const acting = actingMembership(actor);
    const ctx = pageContext(request, reply);
    const rows = acting ? await listMyPagesApplications(db, [acting.organisationId]) : [];
    const notice = request.session.get('flash') ?? null;
    if (notice) request.session.set('flash', undefined);
    return sendHtml(
      reply,
      <MyPagesView
        ctx={ctx}
        memberships={person(actor).memberships}
        acting={acting}
        applications={<MyApplications ctx={ctx} rows={rows} today={stockholmDateOf(new Date())} notice={notice} />}
      />,
    );
  });

  app.get('/mina-sidor/organisation', { config: { requiresLogin: true } }, async (request, reply) => {
    const actor = request.actor;
    if (!can(actor, 'myPages.view')) throw forbidden();
    const p = person(actor);
    return sendHtml(
      reply,
      <OrganisationPicker ctx={pageContext(request, reply)} memberships={p.memberships} selected={p.actingOrganisationId} error={false} />,
    );
  });

  app.post('/mina-sidor/organisation', { config: { requiresLogin: true } }, async (request, reply) => {
    const actor = request.actor;
    if (!can(actor, 'myPages.view')) throw forbidden();
    const parsed = pickerSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      return sendHtml(
        reply,
        <OrganisationPicker ctx={pageContext(request, reply)} memberships={person(actor).memberships} selected={null} error />,
        400,
      );
    }
    if (!can(actor, 'organisation.actFor', { organisationId: parsed.data.organisationId })) throw forbidden();
    request.session.set('actingOrganisationId', parsed.data.organisationId);
    return reply.redirect('/mina-sidor', 303);
  });

  const renderProfile = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { emailInput?: string; error?: FormError; restored?: boolean },
    status = 200,
  ) => {
    const p = person(request.actor);
    const row = await findPerson(db, p.personId);
    if (!row) throw forbidden();
    return sendHtml(
      reply,
      <ProfileView
        ctx={pageContext(request, reply)}
        name={[row.givenName, row.familyName].filter(Boolean).join(' ')}
        personalIdentityNumber={row.personalIdentityNumber}
        email={row.email}
        emailVerified={row.emailVerifiedAt !== null}
        emailInput={form.emailInput ?? row.email ?? ''}
        error={form.error ?? null}
        restored={form.restored ?? false}
      />,
      status,
    );
  };

  app.get('/mina-sidor/profil', { config: { requiresLogin: true } }, async (request, reply) => {
    if (!can(request.actor, 'myPages.view')) throw forbidden();
    const restored = takePendingForm(request, '/mina-sidor/profil');
    const email = restored?.email;
    return renderProfile(request, reply, typeof email === 'string' ? { emailInput: email, restored: true } : {});
  });

  app.post('/mina-sidor/profil', { config: { requiresLogin: true } }, async (request, reply) => {
    if (!can(request.actor, 'myPages.view')) throw forbidden();
    const t = texts(request.lang);
    const parsed = emailSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const raw = (request.body as Record<string, unknown> | undefined)?.email;
      return renderProfile(
        request,
        reply,
        { emailInput: typeof raw === 'string' ? raw : '', error: { text: t.emailInvalid, href: '#email' } },
        400,
      );
    }
    const { email } = parsed.data;
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const link = `${app.config.publicUrl}/mina-sidor/profil/bekrafta?kod=${token}`;
    const personId = person(request.actor).personId;
    await db.transaction(async (tx) => {
      await startEmailVerification(tx, { tokenHash: hashToken(token), personId, email, expiresAt: verificationExpiresAt(now) });
      await enqueueMail(tx, { to: email, subject: t.emailSubject, text: t.emailBody(link) });
    });
    // Without an SMTP server the demo writes mail to files: show the link so that a newcomer can go on.
    const demoLink = app.demoMode && !app.config.SMTP_URL ? link : null;
    return sendHtml(reply, <EmailSentView ctx={pageContext(request, reply)} email={email} demoLink={demoLink} />);
  });

  // Opened from the e-mail, possibly in another browser: the secret link itself is the proof.
  app.get('/mina-sidor/profil/bekrafta', async (request, reply) => {
    const t = texts(request.lang);
    const { kod } = z.object({ kod: z.string().max(100).default('') }).parse(request.query);
    const confirmed = kod !== '' && (await db.transaction((tx) => confirmEmail(tx, hashToken(kod), new Date())));
    const ctx = pageContext(request, reply);
    return confirmed
      ? sendHtml(reply, <MessagePage ctx={ctx} title={t.emailConfirmedTitle} link={{ href: '/mina-sidor', text: t.myPagesTitle }} />)
      : sendHtml(
          reply,
          <MessagePage
            ctx={ctx}
            title={t.emailLinkInvalidTitle}
            body={t.emailLinkInvalidBody}
            link={{ href: '/mina-sidor/profil', text: t.profileTitle }}
          />,
          400,
        );
  });

  const renderAccess = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: AccessFormValues,
    errors: AccessFormErrors,
    sent: boolean,
    status = 200,
  ) => {
    const p = person(request.actor);
    const [organisations, requests] = await Promise.all([listOrganisations(db), listOwnAccessRequests(db, p.personId)]);
    return sendHtml(
      reply,
      <AccessRequestView
        ctx={pageContext(request, reply)}
        organisations={organisations}
        requests={requests}
        values={values}
        errors={errors}
        sent={sent}
      />,
      status,
    );
  };

  app.get('/mina-sidor/behorighet', { config: { requiresLogin: true } }, async (request, reply) => {
    if (!can(request.actor, 'accessRequest.create')) throw forbidden();
    const restored = takePendingForm(request, '/mina-sidor/behorighet');
    const parsed = accessSchema.safeParse(restored ?? {});
    const values = parsed.success
      ? { organisationId: parsed.data.organisationId, roles: asList(parsed.data.roles), motivation: parsed.data.motivation }
      : { organisationId: '', roles: [], motivation: '' };
    return renderAccess(request, reply, values, {}, false);
  });

  app.post('/mina-sidor/behorighet', { config: { requiresLogin: true } }, async (request, reply) => {
    const actor = request.actor;
    if (!can(actor, 'accessRequest.create')) throw forbidden();
    const t = texts(request.lang);
    const parsed = accessSchema.safeParse(request.body ?? {});
    const raw = parsed.success ? parsed.data : { organisationId: '', roles: [], motivation: '' };
    const values: AccessFormValues = { organisationId: raw.organisationId, roles: asList(raw.roles), motivation: raw.motivation };
    const roles = values.roles.filter((r): r is MemberRole => r === 'applicant' || r === 'signatory');
    const organisationId = Number.parseInt(values.organisationId, 10);
    const organisation = Number.isSafeInteger(organisationId) ? await findOrganisation(db, organisationId) : null;
    const errors: AccessFormErrors = {};
    if (!organisation) errors.organisation = { text: t.organisationError, href: '#organisationId' };
    if (roles.length === 0) errors.roles = { text: t.rolesError, href: '#role-applicant' };
    if (values.motivation.length > MAX_TEXT) errors.motivation = { text: t.motivationTooLong(MAX_TEXT), href: '#motivation' };
    if (!organisation || Object.keys(errors).length > 0) return renderAccess(request, reply, values, errors, false, 400);
    const p = person(actor);
    const held = p.memberships.find((m) => m.organisationId === organisation.id)?.roles ?? [];
    const check = checkAccessRequest(roles, held, await hasPendingAccessRequest(db, p.personId, organisation.id));
    if (!check.ok) {
      const text = check.reason === 'alreadyMember' ? t.alreadyMember : t.alreadyPending;
      return renderAccess(request, reply, values, { organisation: { text, href: '#organisationId' } }, false, 400);
    }
    await db.transaction((tx) =>
      createAccessRequest(tx, {
        personId: p.personId,
        organisationId: organisation.id,
        roles,
        motivation: values.motivation.trim() || null,
      }),
    );
    return renderAccess(request, reply, { organisationId: '', roles: [], motivation: '' }, {}, true);
  });

  app.get('/handlaggning', { config: { requiresLogin: true } }, async (request, reply) => {
    const actor = request.actor;
    if (!can(actor, 'staffPages.view')) throw forbidden();
    const p = person(actor);
    const t = texts(request.lang);
    const boards = p.staff.map((s) => s.boardCountyCode);
    const [calls, applications] = await Promise.all([listBoardCalls(db, boards), listStaffApplications(db, actor)]);
    const boardCalls = calls.map((c) => ({
      slug: c.slug,
      title: c.title,
      year: c.year,
      roles: [
        ...(boards.includes(c.preparingBoard) ? [t.callRolePreparing] : []),
        ...(c.decidingBoard && boards.includes(c.decidingBoard) ? [t.callRoleDeciding] : []),
        ...(c.payingBoard && boards.includes(c.payingBoard) ? [t.callRolePaying] : []),
      ],
    }));
    const isAdmin = p.staff.some((s) => s.roles.includes('admin'));
    return sendHtml(
      reply,
      <StaffStartView
        ctx={pageContext(request, reply)}
        staff={p.staff}
        calls={boardCalls}
        applications={applications}
        isAdmin={isAdmin}
        keepsRegistry={p.staff.some((s) => can(actor, 'registry.read', { boardCountyCode: s.boardCountyCode }))}
      />,
    );
  });

  const adminBoards = (actor: Actor): string[] =>
    actor.kind === 'person'
      ? actor.staff
          .map((s) => s.boardCountyCode)
          .filter((countyCode) => can(actor, 'accessRequest.decide', { organisationCountyCode: countyCode }))
      : [];

  app.get('/handlaggning/behorigheter', { config: { requiresLogin: true } }, async (request, reply) => {
    const boards = adminBoards(request.actor);
    if (boards.length === 0) throw forbidden();
    const t = texts(request.lang);
    const { sparat } = z.object({ sparat: z.enum(['1', 'redan']).optional().catch(undefined) }).parse(request.query);
    const notice = sparat === '1' ? t.decisionSaved : sparat === 'redan' ? t.alreadyDecided : null;
    const requests = await listPendingAccessRequests(db, boards);
    return sendHtml(reply, <AccessRequestsAdminView ctx={pageContext(request, reply)} requests={requests} notice={notice} failed={null} />);
  });

  app.post<{ Params: { id: string } }>('/handlaggning/behorigheter/:id', { config: { requiresLogin: true } }, async (request, reply) => {
    const actor = request.actor;
    if (adminBoards(actor).length === 0) throw forbidden();
    const id = Number.parseInt(request.params.id, 10);
    const found = Number.isSafeInteger(id) ? await findAccessRequest(db, id) : null;
    if (!found) return reply.callNotFound();
    if (!can(actor, 'accessRequest.decide', { organisationCountyCode: found.organisationCountyCode })) throw forbidden();
    const t = texts(request.lang);
    const parsed = decisionSchema.safeParse(request.body ?? {});
    const typed = parsed.success ? parsed.data : { decision: '', answer: '' };
    const errors: DecisionErrors = {};
    if (typed.decision !== 'approve' && typed.decision !== 'refuse') errors.decision = { text: t.decisionError, href: `#decision-${id}` };
    if (typed.answer.length > MAX_TEXT) errors.answer = { text: t.answerTooLong(MAX_TEXT), href: `#answer-${id}` };
    if (Object.keys(errors).length > 0) {
      const requests = await listPendingAccessRequests(db, adminBoards(actor));
      return sendHtml(
        reply,
        <AccessRequestsAdminView ctx={pageContext(request, reply)} requests={requests} notice={null} failed={{ id, ...typed, errors }} />,
        400,
      );
    }
    // Another administrator (or another tab) may have answered the request meanwhile: theirs stands.
    const decided = await db.transaction((tx) =>
      decideAccessRequest(tx, {
        id,
        approve: typed.decision === 'approve',
        decidedBy: person(actor).personId,
        answer: typed.answer.trim() || null,
        now: new Date(),
      }),
    );
    return reply.redirect(`/handlaggning/behorigheter?sparat=${decided ? '1' : 'redan'}`, 303);
  });
};
