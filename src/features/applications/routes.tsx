import { randomBytes } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Actor, type ApplicationResource, actingMembership, can, type Membership } from '../../platform/auth/policy.ts';
import type { FormError } from '../../platform/components.tsx';
import { forbidden, sendNotFound } from '../../platform/errors.tsx';
import { stockholmDateOf } from '../../platform/format.ts';
import { Handover } from '../../platform/handover.ts';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { eligibilityMessage, refusalToApply } from './eligibility.ts';
import { stepBySlug, steps } from './form.ts';
import { answerErrorsToForm, problemsToForm } from './messages.ts';
import {
  type ApplicationDetail,
  type ApplicationReceipt,
  type CallForApplying,
  createDraft,
  deleteDraft,
  discardDraftConflict,
  findApplication,
  findApplicationReceipt,
  findCallBySlug,
  forgetChoiceOptions,
  listCopySources,
  listDraftConflicts,
  loadChoiceOptions,
  recordSignatoryApproval,
  saveDraft,
} from './queries.ts';
import { renderReceipt } from './receipt.ts';
import {
  answersToStore,
  bannerFor,
  changedKeys,
  contentDisposition,
  copiedAnswers,
  type DraftAnswers,
  deletionDate,
  mayDownload,
  mergeAnswers,
  partnersReceivingMoney,
  readConfirmations,
  readStep,
  stepState,
  validateStep,
} from './rules.ts';
import { confirmationsFor, isLateOn, problemsBeforeApproval } from './snapshot.ts';
import { certificatesOf, prepareSubmission, submitApplication } from './submit.ts';
import { addSupplement } from './supplements.ts';
import { texts } from './texts.ts';
import { MULTIPART_LIMITS, receiveUpload, removeAttachment } from './uploads.ts';
import {
  AttachmentsPage,
  budgetTotalText,
  DeleteDraftPage,
  NewApplicationPage,
  NoMembershipPage,
  OverviewPage,
  ReceiptPage,
  ReviewPage,
  SignatoryPage,
  type SignatoryState,
  StepPage,
  SubmittedPage,
} from './views.tsx';

declare module 'fastify' {
  interface Session {
    /** A one-time message for the next page after a redirect. */
    flash?: string;
  }
}

/** A signatory's fresh login is good for approving during ten minutes. */
const FRESH_LOGIN_MS = 10 * 60_000;

const idParams = z.object({ id: z.uuid() });
const versionBody = z.object({ version: z.coerce.number().int().positive() });

/** `?komplettering=<document number>`, as the redirect after a supplement sets it. */
const sentSupplementQuery = z.object({ komplettering: z.coerce.number().int().positive() });

function takeFlash(request: FastifyRequest): string | null {
  const flash = request.session.get('flash') ?? null;
  if (flash) request.session.set('flash', undefined);
  return flash;
}

/** Why the organisation of a membership may not apply in the call, or null if it may. */
function refusalFor(call: CallForApplying, membership: Membership) {
  return refusalToApply(call, { kind: membership.organisationKind, countyCode: membership.countyCode, name: membership.organisationName });
}

function personId(actor: Actor): string {
  if (actor.kind !== 'person') throw forbidden();
  return actor.personId;
}

export const applicationRoutes: FastifyPluginAsync = async (app) => {
  // One file per post; the per-file limit is checked while reading so a 25 MB body is refused early.
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  const db = app.database.db;
  const login = { config: { requiresLogin: true } };
  // Forms with a file: readMultipart checks their token.
  const loginMultipart = { config: { requiresLogin: true, csrfInMultipart: true } };
  // A re-seed may change the purposes and target groups.
  app.publicContent.subscribe((path) => {
    if (path === '') forgetChoiceOptions(db);
  });

  /**
   * The application as `find` reads it (the whole of it, or only what a page shows), if the actor
   * may read it. A draft is not a public record: to anyone outside the organisation it does not
   * exist, so they get 404, not 403.
   */
  async function loadWith<T extends ApplicationResource>(
    request: FastifyRequest,
    find: (database: typeof db, id: string) => Promise<T | null>,
  ): Promise<T | null> {
    const parsed = idParams.safeParse(request.params);
    if (!parsed.success) return null;
    const found = await find(db, parsed.data.id);
    if (!found) return null;
    return can(request.actor, 'application.read', found) ? found : null;
  }
  const load = (request: FastifyRequest) => loadWith(request, findApplication);

  /**
   * The confirmation each submission redirects to, handed from the POST to the GET that follows
   * on this instance: the page needs no query then (a reload, or a GET on another instance, reads
   * the database). Keyed by session, and read through the same access rule as any application.
   */
  const justSubmitted = new Handover<ApplicationReceipt>(30_000, 10_000);
  const handoverKey = (request: FastifyRequest, id: string) => `${request.session.sessionId}:${id}`;

  /**
   * The draft for a page that works on it, or null once the reply is sent. A submitted
   * application (reached by the back button, a bookmark or a mail) leads to its own page instead
   * of a refusal: nothing is wrong with the person's rights, the draft is just gone.
   */
  async function loadDraft(
    request: FastifyRequest,
    reply: FastifyReply,
    action: 'application.edit' | 'application.sign' = 'application.edit',
  ): Promise<ApplicationDetail | null> {
    const detail = await load(request);
    if (!detail) {
      await sendNotFound(request, reply);
      return null;
    }
    if (detail.status !== 'draft') {
      await reply.redirect(`/ansokningar/${detail.id}`, 303);
      return null;
    }
    if (!can(request.actor, action, detail)) throw forbidden();
    return detail;
  }

  const today = () => stockholmDateOf(new Date());

  // --- Starting an application -------------------------------------------------------------

  async function renderNew(request: FastifyRequest, reply: FastifyReply, slug: string, errors: FormError[], status = 200) {
    const t = texts(request.lang);
    const call = await findCallBySlug(db, slug);
    if (!call) return sendNotFound(request, reply);
    const actor = request.actor;
    if (actor.kind !== 'person' || actor.loginKind !== 'public') throw forbidden();
    const applying = actor.memberships.filter((m) => m.roles.includes('applicant'));
    const eligible = applying.filter((m) => refusalFor(call, m) === null);
    if (eligible.length === 0) {
      // Say why: a federation refused § 37 a, or a municipality in another county, can do nothing about it.
      const refusal = applying[0] ? refusalFor(call, applying[0]) : null;
      const message = refusal
        ? eligibilityMessage(refusal, request.lang)
        : actor.memberships.length === 0
          ? t.newNoMembership
          : t.newNotApplicant;
      return sendHtml(reply, <NoMembershipPage ctx={pageContext(request, reply)} message={message} mayRequestAccess={!refusal} />, 403);
    }
    const acting = actingMembership(actor);
    const selected = eligible.find((m) => m.organisationId === acting?.organisationId)?.organisationId ?? null;
    const copySources = selected ? await listCopySources(db, selected) : [];
    return sendHtml(
      reply,
      <NewApplicationPage
        ctx={pageContext(request, reply)}
        call={call}
        organisations={eligible.map((m) => ({ id: m.organisationId, name: m.organisationName }))}
        selectedOrganisationId={selected}
        copySources={copySources}
        idempotencyKey={randomBytes(16).toString('hex')}
        banner={bannerFor(call, today())}
        errors={errors}
      />,
      status,
    );
  }

  // A form shown again with its errors has the address it was posted to: switching language or
  // logging in again leads there with GET, which goes back to the form.
  app.get('/ansokningar', login, async (request, reply) => {
    const slug = (request.query as { utlysning?: unknown }).utlysning;
    return reply.redirect(typeof slug === 'string' ? `/ansokningar/ny?utlysning=${encodeURIComponent(slug)}` : '/mina-sidor', 303);
  });
  app.get('/ansokningar/:id/komplettering', login, async (request, reply) =>
    reply.redirect(`/ansokningar/${encodeURIComponent((request.params as { id: string }).id)}`, 303),
  );

  app.get('/ansokningar/ny', login, async (request, reply) => {
    const slug = (request.query as { utlysning?: unknown }).utlysning;
    if (typeof slug !== 'string') return sendNotFound(request, reply);
    return renderNew(request, reply, slug, []);
  });

  const newBody = z.object({
    organisationId: z.coerce.number().int().positive().optional(),
    idempotencyKey: z.string().regex(/^[0-9a-f]{32}$/),
    copyFrom: z.union([z.uuid(), z.literal('')]).optional(),
  });

  app.post('/ansokningar', login, async (request, reply) => {
    const t = texts(request.lang);
    const slug = (request.query as { utlysning?: unknown }).utlysning;
    if (typeof slug !== 'string') return sendNotFound(request, reply);
    const call = await findCallBySlug(db, slug);
    if (!call) return sendNotFound(request, reply);
    const parsed = newBody.safeParse(request.body ?? {});
    const actor = request.actor;
    if (actor.kind !== 'person' || actor.loginKind !== 'public') throw forbidden();
    const membership = actor.memberships.find((m) => m.organisationId === parsed.data?.organisationId);
    if (!parsed.success || !membership) {
      return renderNew(request, reply, slug, [{ text: t.errNewOrganisation, href: '#organisationId' }], 400);
    }
    if (!membership.roles.includes('applicant') || refusalFor(call, membership)) throw forbidden();
    let answers: DraftAnswers = {};
    let copiedFromId: string | null = null;
    if (parsed.data.copyFrom) {
      const source = await findApplication(db, parsed.data.copyFrom);
      if (source && source.organisationId === membership.organisationId && can(actor, 'application.read', source)) {
        answers = copiedAnswers(source.answers);
        copiedFromId = source.id;
      }
    }
    const draft = {
      idempotencyKey: parsed.data.idempotencyKey,
      callId: call.id,
      organisationId: membership.organisationId,
      personId: actor.personId,
      answers,
      copiedFromId,
    };
    let id: string;
    try {
      id = await db.transaction((tx) => createDraft(tx, draft));
    } catch (err) {
      // A double click raced this request and created the draft: show the one it created.
      const code = (err as { code?: string }).code;
      if (code !== 'duplicateDraft' && code !== '23505') throw err;
      id = await db.transaction((tx) => createDraft(tx, draft));
    }
    request.session.set('actingOrganisationId', membership.organisationId);
    return reply.redirect(`/ansokningar/${id}/${steps[0]?.slug}`, 303);
  });

  // --- The draft -------------------------------------------------------------------------

  async function renderOverview(request: FastifyRequest, reply: FastifyReply, detail: ApplicationDetail) {
    const [prepared, kept] = await Promise.all([prepareSubmission(db, detail, new Date()), listDraftConflicts(db, detail.id)]);
    return sendHtml(
      reply,
      <OverviewPage
        ctx={pageContext(request, reply)}
        app={detail}
        states={steps.map((s) => stepState(s, detail.answers, prepared.options))}
        attachments={{
          count: detail.attachments.length,
          missing: prepared.problems.filter((p) => p.source === 'attachment').length,
        }}
        deletionDate={deletionDate(detail.updatedAt)}
        banner={bannerFor(detail.call, today())}
        kept={kept}
        options={prepared.options}
        notice={takeFlash(request)}
        mayEdit={can(request.actor, 'application.edit', detail)}
        maySign={can(request.actor, 'application.sign', detail)}
      />,
    );
  }

  /** The supplement the query names, if it is one of this application's. */
  function sentSupplement(detail: ApplicationDetail, request: FastifyRequest) {
    const query = sentSupplementQuery.safeParse(request.query);
    return query.success ? detail.supplements.find((s) => s.documentNumber === query.data.komplettering) : undefined;
  }

  async function renderSubmitted(
    request: FastifyRequest,
    reply: FastifyReply,
    detail: ApplicationDetail,
    extra: { errors?: FormError[]; statement?: string } = {},
    status = 200,
  ) {
    const options = await loadChoiceOptions(db, detail.call.programmeCode, detail.call.year);
    return sendHtml(
      reply,
      <SubmittedPage
        ctx={pageContext(request, reply)}
        app={detail}
        options={options}
        files={detail.attachments}
        errors={extra.errors ?? []}
        notice={takeFlash(request)}
        sentSupplement={sentSupplement(detail, request)}
        statement={extra.statement ?? ''}
      />,
      status,
    );
  }

  app.get('/ansokningar/:id', login, async (request, reply) => {
    const detail = await load(request);
    if (!detail) return sendNotFound(request, reply);
    if (detail.status !== 'draft') return renderSubmitted(request, reply, detail);
    return renderOverview(request, reply, detail);
  });

  async function renderStep(
    request: FastifyRequest,
    reply: FastifyReply,
    detail: ApplicationDetail,
    stepSlug: string,
    state: {
      answers: DraftAnswers;
      version: number;
      errors: FormError[];
      notice: string | null;
      conflict: Parameters<typeof StepPage>[0]['conflict'];
    },
    status = 200,
  ) {
    const step = stepBySlug(stepSlug);
    if (!step) return sendNotFound(request, reply);
    const options = await loadChoiceOptions(db, detail.call.programmeCode, detail.call.year);
    return sendHtml(
      reply,
      <StepPage
        ctx={pageContext(request, reply)}
        app={detail}
        step={step}
        answers={state.answers}
        version={state.version}
        options={options}
        errors={state.errors}
        banner={bannerFor(detail.call, today())}
        notice={state.notice}
        conflict={state.conflict}
      />,
      status,
    );
  }

  /** Saves one step's posted answers; on a conflict keeps them and tells who saved in between. */
  async function saveStep(request: FastifyRequest, detail: ApplicationDetail, stepSlug: string) {
    const step = stepBySlug(stepSlug);
    if (!step) return null;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const version = versionBody.safeParse(body);
    const update = readStep(step, body);
    const answers = mergeAnswers(detail.answers, update);
    // Without the version the page was based on, a save cannot be told from one over a newer
    // version: nothing is saved, and the page comes back with what was typed.
    if (!version.success) return { step, answers, incomplete: true as const };
    const options = await loadChoiceOptions(db, detail.call.programmeCode, detail.call.year);
    const stored = answersToStore(step, detail.answers, answers, options);
    const result = await db.transaction((tx) =>
      saveDraft(tx, {
        id: detail.id,
        basedOnVersion: version.data.version,
        answers: stored.answers,
        personId: personId(request.actor),
        now: new Date(),
        previous: detail,
      }),
    );
    return { step, answers, update, result, options, refusedKeys: stored.refusedKeys, incomplete: false as const };
  }

  for (const step of steps) {
    app.get(`/ansokningar/:id/${step.slug}`, login, async (request, reply) => {
      const detail = await loadDraft(request, reply);
      if (!detail) return reply;
      return renderStep(request, reply, detail, step.slug, {
        answers: detail.answers,
        version: detail.version,
        errors: [],
        notice: takeFlash(request),
        conflict: null,
      });
    });

    app.post(`/ansokningar/:id/${step.slug}`, login, async (request, reply) => {
      const t = texts(request.lang);
      const detail = await loadDraft(request, reply);
      if (!detail) return reply;
      const saved = await saveStep(request, detail, step.slug);
      if (!saved) return sendNotFound(request, reply);
      if (saved.incomplete)
        return renderStep(
          request,
          reply,
          detail,
          step.slug,
          { answers: saved.answers, version: detail.version, errors: [], notice: t.notSavedIncomplete, conflict: null },
          400,
        );
      const { answers, update, result, options, refusedKeys } = saved;
      if (!result.ok) {
        const labels = changedKeys(detail.answers, update)
          .map((key) => step.fields.find((f) => f.key === key)?.label[request.lang])
          .filter((l): l is string => typeof l === 'string');
        return renderStep(
          request,
          reply,
          detail,
          step.slug,
          {
            answers,
            // Saving again deliberately replaces the newer version with this one.
            version: result.conflict.version,
            errors: [],
            notice: null,
            conflict: { byName: result.conflict.updatedByName, at: result.conflict.updatedAt, changedLabels: labels },
          },
          409,
        );
      }
      const errors = answerErrorsToForm(validateStep(step, answers, options), answers, request.lang);
      const action = (request.body as { action?: unknown }).action;
      if (action === 'next' && errors.length === 0) {
        const next = steps[steps.indexOf(step) + 1];
        return reply.redirect(next ? `/ansokningar/${detail.id}/${next.slug}` : `/ansokningar/${detail.id}`, 303);
      }
      if (action === 'next' || errors.length > 0) {
        const refused = refusedKeys.length > 0;
        return renderStep(
          request,
          reply,
          // The page's title and crumbs name the draft as just saved.
          { ...detail, title: result.title, updatedAt: result.updatedAt },
          step.slug,
          { answers, version: result.version, errors, notice: refused ? t.notSavedTooLong : t.savedWithErrors, conflict: null },
          action === 'next' || refused ? 400 : 200,
        );
      }
      request.session.set('flash', t.saved);
      return reply.redirect(`/ansokningar/${detail.id}/${step.slug}`, 303);
    });

    // Autosave: the same save from script, answered with JSON so the page stays put.
    app.post(`/ansokningar/:id/autospara/${step.slug}`, login, async (request, reply) => {
      const detail = await load(request);
      if (!detail) return reply.code(404).send({ error: 'notFound' });
      if (detail.status !== 'draft' || !can(request.actor, 'application.edit', detail)) return reply.code(403).send({ error: 'forbidden' });
      const saved = await saveStep(request, detail, step.slug);
      if (!saved) return reply.code(404).send({ error: 'notFound' });
      if (saved.incomplete) return reply.code(400).send({ error: 'incomplete' });
      if (!saved.result.ok) return reply.code(409).send({ error: 'conflict', version: saved.result.conflict.version });
      // Answers over their length limit were not stored: the script must not say "saved" for them.
      // The budget's total follows the costs typed, counted by the same rules as the saved page's.
      return {
        version: saved.result.version,
        savedAt: saved.result.updatedAt.toISOString(),
        refused: saved.refusedKeys,
        ...(step.key === 'budget' ? { budgetTotal: budgetTotalText(saved.answers, request.lang) } : {}),
      };
    });
  }

  app.post('/ansokningar/:id/versioner/:conflictId', login, async (request, reply) => {
    const detail = await loadDraft(request, reply);
    if (!detail) return reply;
    const conflictId = Number((request.params as { conflictId: string }).conflictId);
    const body = z.object({ action: z.enum(['use', 'discard']), version: z.coerce.number().int() }).safeParse(request.body ?? {});
    if (!body.success || !Number.isInteger(conflictId)) return sendNotFound(request, reply);
    const kept = (await listDraftConflicts(db, detail.id)).find((k) => k.id === conflictId);
    if (!kept) return sendNotFound(request, reply);
    const t = texts(request.lang);
    const outcome = await db.transaction(async (tx) => {
      if (body.data.action === 'use') {
        const result = await saveDraft(tx, {
          id: detail.id,
          basedOnVersion: body.data.version,
          answers: mergeAnswers(detail.answers, kept.answers),
          personId: personId(request.actor),
          now: new Date(),
          previous: detail,
        });
        // Saved over by someone meanwhile: the kept version stays, to be looked at again.
        if (!result.ok) return t.keptVersionConflict;
      }
      await discardDraftConflict(tx, detail.id, conflictId);
      return body.data.action === 'use' ? t.keptVersionUsed : t.keptVersionRemoved;
    });
    request.session.set('flash', outcome);
    return reply.redirect(`/ansokningar/${detail.id}`, 303);
  });

  // --- Attachments -----------------------------------------------------------------------

  function renderAttachments(
    request: FastifyRequest,
    reply: FastifyReply,
    detail: ApplicationDetail,
    errors: FormError[],
    selectedKind: string,
    status = 200,
  ) {
    // The application was loaded with its attachments; a refused upload stored nothing.
    return sendHtml(
      reply,
      <AttachmentsPage
        ctx={pageContext(request, reply)}
        app={detail}
        certificates={certificatesOf(detail)}
        files={detail.attachments}
        partners={partnersReceivingMoney(detail.answers)}
        errors={errors}
        notice={takeFlash(request)}
        selectedKind={selectedKind}
      />,
      status,
    );
  }

  app.get('/ansokningar/:id/bilagor', login, async (request, reply) => {
    const detail = await loadDraft(request, reply);
    if (!detail) return reply;
    return renderAttachments(request, reply, detail, [], '');
  });

  app.post('/ansokningar/:id/bilagor', loginMultipart, async (request, reply) => {
    const detail = await loadDraft(request, reply);
    if (!detail) return reply;
    const outcome = await receiveUpload(app, request, {
      applicationId: detail.id,
      answers: detail.answers,
      personId: personId(request.actor),
    });
    if (!outcome.ok) {
      const errors = outcome.problems.map((p) => ({ text: p.text, href: `#${p.field}` }));
      // The most serious status: 413 or 415 for the file itself, else 400.
      const status = Math.max(...outcome.problems.map((p) => p.status));
      return renderAttachments(request, reply, detail, errors, outcome.kind ?? '', status);
    }
    request.session.set('flash', outcome.message);
    return reply.redirect(`/ansokningar/${detail.id}/bilagor`, 303);
  });

  app.post('/ansokningar/:id/bilagor/:attachmentId/ta-bort', login, async (request, reply) => {
    const detail = await loadDraft(request, reply);
    if (!detail) return reply;
    const attachmentId = z.uuid().safeParse((request.params as { attachmentId: string }).attachmentId);
    if (!attachmentId.success) return sendNotFound(request, reply);
    const removed = await removeAttachment(app, detail.id, attachmentId.data);
    if (removed) request.session.set('flash', texts(request.lang).removed(removed));
    return reply.redirect(`/ansokningar/${detail.id}/bilagor`, 303);
  });

  // --- Review, signatory approval and submission -------------------------------------------

  async function renderReview(
    request: FastifyRequest,
    reply: FastifyReply,
    detail: ApplicationDetail,
    state: { showProblems: boolean; notice?: string | null },
    status = 200,
  ) {
    const now = new Date();
    const prepared = await prepareSubmission(db, detail, now);
    const { approval, files, options, serialised } = prepared;
    const signatory: SignatoryState =
      approval && approval.contentSha256 === serialised.sha256
        ? { kind: 'approved', name: approval.name, at: approval.approvedAt }
        : files.some((f) => f.kind === 'signatoryCertificate')
          ? { kind: 'certificate' }
          : approval
            ? { kind: 'stale' }
            : { kind: 'none' };
    const member =
      request.actor.kind === 'person' ? request.actor.memberships.find((m) => m.organisationId === detail.organisationId) : undefined;
    return sendHtml(
      reply,
      <ReviewPage
        ctx={pageContext(request, reply)}
        app={detail}
        answers={detail.answers}
        options={options}
        confirmations={confirmationsFor(detail.call.programmeCode, detail.answers)}
        problems={state.showProblems ? problemsToForm(prepared.problems, detail.answers, detail.id, request.lang) : []}
        signatory={signatory}
        isSignatory={member?.roles.includes('signatory') ?? false}
        mayEdit={can(request.actor, 'application.edit', detail)}
        banner={bannerFor(detail.call, stockholmDateOf(now))}
        late={isLateOn(detail.call, stockholmDateOf(now))}
        notice={state.notice ?? takeFlash(request)}
      />,
      status,
    );
  }

  // A file of the application, for the organisation's members and, once submitted, the staff who may read it.
  app.get('/ansokningar/:id/bilagor/:attachmentId/fil', login, async (request, reply) => {
    const detail = await load(request);
    const { attachmentId } = request.params as { attachmentId: string };
    const file = detail?.attachments.find((a) => a.id === attachmentId);
    if (!file || !mayDownload(file)) return sendNotFound(request, reply);
    const body = await app.files.get(file.storageKey);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.sizeBytes))
      .header('content-disposition', contentDisposition(file.filename))
      .header('cache-control', 'private, no-store')
      .send(body);
  });

  app.get('/ansokningar/:id/skicka-in', login, async (request, reply) => {
    const detail = await load(request);
    if (!detail) return sendNotFound(request, reply);
    if (detail.status !== 'draft') return reply.redirect(`/ansokningar/${detail.id}`, 303);
    return renderReview(request, reply, detail, { showProblems: false });
  });

  app.post('/ansokningar/:id/skicka-in', login, async (request, reply) => {
    const t = texts(request.lang);
    const detail = await load(request);
    if (!detail) return sendNotFound(request, reply);
    // Submitting again (a double click, a retry after a timeout) lands on the first submission's receipt.
    if (detail.status !== 'draft') return reply.redirect(`/ansokningar/${detail.id}/kvitto`, 303);
    if (!can(request.actor, 'application.edit', detail)) throw forbidden();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const version = versionBody.safeParse(body);
    const confirmed = readConfirmations(body);
    if (!version.success || version.data.version !== detail.version) {
      return renderReview(request, reply, detail, { showProblems: false, notice: t.changedSinceReview }, 409);
    }
    const result = await submitApplication(db, {
      application: detail,
      confirmations: confirmed,
      version: detail.version,
      personId: personId(request.actor),
      now: new Date(),
      caseCode: app.config.REGISTRY_CASE_CODE,
      publicUrl: app.config.publicUrl,
    });
    if (result.ok) {
      if (!result.alreadySubmitted) justSubmitted.put(handoverKey(request, detail.id), result.receipt);
      return reply.redirect(`/ansokningar/${detail.id}/kvitto`, 303);
    }
    if (result.reason === 'problems') {
      // Keep the ticks: the applicant corrects what the list says and submits again.
      const answers = mergeAnswers(detail.answers, confirmed);
      if (JSON.stringify(answers) !== JSON.stringify(detail.answers)) {
        await db.transaction((tx) =>
          saveDraft(tx, {
            id: detail.id,
            basedOnVersion: detail.version,
            answers,
            personId: personId(request.actor),
            now: new Date(),
            previous: detail,
          }),
        );
      }
      return renderReview(request, reply, (await findApplication(db, detail.id)) ?? detail, { showProblems: true }, 400);
    }
    const fresh = (await findApplication(db, detail.id)) ?? detail;
    if (result.reason === 'changed') return renderReview(request, reply, fresh, { showProblems: false, notice: t.changedSinceReview }, 409);
    return reply.redirect(`/ansokningar/${detail.id}`, 303);
  });

  /** Whether the person logged in again (max_age=0) recently enough to approve as signatory. */
  function loggedInFreshly(request: FastifyRequest): boolean {
    const freshAt = request.session.get('freshLoginAt');
    return typeof freshAt === 'number' && Date.now() - freshAt < FRESH_LOGIN_MS;
  }

  type Prepared = Awaited<ReturnType<typeof prepareSubmission>>;

  async function renderSignatory(
    request: FastifyRequest,
    reply: FastifyReply,
    detail: ApplicationDetail,
    state: { approved: boolean; errors: FormError[]; prepared?: Prepared },
    status = 200,
  ) {
    const prepared = state.prepared ?? (await prepareSubmission(db, detail, new Date()));
    const notReady = problemsToForm(problemsBeforeApproval(prepared.problems), detail.answers, detail.id, request.lang);
    return sendHtml(
      reply,
      <SignatoryPage
        ctx={pageContext(request, reply)}
        app={detail}
        answers={detail.answers}
        options={prepared.options}
        contentSha256={prepared.serialised.sha256}
        fresh={loggedInFreshly(request)}
        approved={state.approved || prepared.approval?.contentSha256 === prepared.serialised.sha256}
        notReady={notReady.map((e) => e.text)}
        errors={state.errors}
      />,
      status,
    );
  }

  app.get('/ansokningar/:id/godkann', login, async (request, reply) => {
    const detail = await loadDraft(request, reply, 'application.sign');
    if (!detail) return reply;
    return renderSignatory(request, reply, detail, { approved: false, errors: [] });
  });

  app.post('/ansokningar/:id/godkann', login, async (request, reply) => {
    const t = texts(request.lang);
    const detail = await loadDraft(request, reply, 'application.sign');
    if (!detail) return reply;
    // Each refusal shows the page again, with the reason in the error summary.
    const refuse = (text: string, href: string, status: number, prepared?: Prepared) =>
      renderSignatory(request, reply, detail, { approved: false, errors: [{ text, href }], ...(prepared ? { prepared } : {}) }, status);
    if (!loggedInFreshly(request)) return refuse(t.signatoryNotFresh, '#main-content', 403);
    const sha = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).safeParse(request.body ?? {});
    const prepared = await prepareSubmission(db, detail, new Date());
    // The approval binds the exact content shown: if it changed meanwhile, show the new version instead.
    if (!sha.success || sha.data.sha256 !== prepared.serialised.sha256) return refuse(t.signatoryChanged, '#main-content', 409, prepared);
    // The page offers no button then; an approval posted anyway would not last either.
    if (problemsBeforeApproval(prepared.problems).length > 0) return refuse(t.signatoryNotReadyTitle, '#not-ready', 409, prepared);
    await db.transaction(async (tx) => {
      await recordSignatoryApproval(tx, detail.id, personId(request.actor), prepared.serialised.sha256, new Date());
    });
    return renderSignatory(request, reply, detail, { approved: true, errors: [], prepared });
  });

  // --- Deleting a draft --------------------------------------------------------------------

  app.get('/ansokningar/:id/radera', login, async (request, reply) => {
    const detail = await loadDraft(request, reply);
    if (!detail) return reply;
    return sendHtml(reply, <DeleteDraftPage ctx={pageContext(request, reply)} app={detail} />);
  });

  app.post('/ansokningar/:id/radera', login, async (request, reply) => {
    const detail = await loadDraft(request, reply);
    if (!detail) return reply;
    const { keys } = await db.transaction((tx) => deleteDraft(tx, detail.id));
    await Promise.all(keys.map((key) => app.files.delete(key)));
    request.session.set('flash', texts(request.lang).draftDeleted);
    return reply.redirect('/mina-sidor', 303);
  });

  // --- After submission --------------------------------------------------------------------

  app.get('/ansokningar/:id/kvitto', login, async (request, reply) => {
    // The confirmation reads only what it shows, through the same access rule.
    const receipt = await loadWith(
      request,
      async (database, id) => justSubmitted.take(handoverKey(request, id)) ?? findApplicationReceipt(database, id),
    );
    if (!receipt) return sendNotFound(request, reply);
    if (receipt.status === 'draft') return reply.redirect(`/ansokningar/${receipt.id}`, 303);
    return sendHtml(reply, <ReceiptPage ctx={pageContext(request, reply)} app={receipt} today={today()} />);
  });

  app.get('/ansokningar/:id/kvitto.pdf', login, async (request, reply) => {
    const detail = await load(request);
    if (!detail) return sendNotFound(request, reply);
    const pdf = await renderReceipt(db, detail);
    if (!pdf) return sendNotFound(request, reply);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="kvitto-${detail.registryNumber ?? detail.id}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.post('/ansokningar/:id/komplettering', loginMultipart, async (request, reply) => {
    const detail = await load(request);
    if (!detail) return sendNotFound(request, reply);
    if (detail.status === 'draft' || !detail.registryCaseId) return reply.redirect(`/ansokningar/${detail.id}`, 303);
    const member =
      request.actor.kind === 'person' &&
      request.actor.loginKind === 'public' &&
      request.actor.memberships.some((m) => m.organisationId === detail.organisationId);
    if (!member) throw forbidden();
    const outcome = await addSupplement(app, request, detail, personId(request.actor));
    if (!outcome.ok)
      return renderSubmitted(request, reply, detail, { errors: [outcome.error], statement: outcome.statement }, outcome.status);
    // The page names the supplement by its document number: a reload still says what was sent.
    return reply.redirect(`/ansokningar/${detail.id}?komplettering=${outcome.documentNumber}`, 303);
  });
};
