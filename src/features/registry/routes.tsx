import { randomBytes } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Actor, can } from '../../platform/auth/policy.ts';
import type { FormError } from '../../platform/components.tsx';
import { forbidden, sendNotFound } from '../../platform/errors.tsx';
import { stockholmDateOf } from '../../platform/format.ts';
import { sendHtml } from '../../platform/http.ts';
import type { Lang } from '../../platform/i18n.ts';
import { pageContext } from '../../platform/page-context.ts';
import { storageTexts } from '../../platform/storage/texts.ts';
import { eligibilityMessage } from '../applications/eligibility.ts';
import {
  checkStatedAnswers,
  type ReceivedVia,
  type RegistrationProblem,
  registerReceivedApplication,
} from '../applications/manual-registration.ts';
import { type ApplicationDetail, findApplication } from '../applications/queries.ts';
import { renderReceipt } from '../applications/receipt.ts';
import { MULTIPART_LIMITS, readMultipart } from '../applications/uploads.ts';
import {
  boardName,
  countRegistryCases,
  listOrganisationsInCounties,
  listPreparedCalls,
  listRegistryCases,
  listRegistryYears,
} from './queries.ts';
import { pageOf, type ReceivedAtProblem, readReceivedAt, receivingBoard } from './rules.ts';
import { registryTexts } from './texts.ts';
import { RegisteredPage, RegisterPage, type RegistrationFormValues, RegistryPage } from './views.tsx';

const PAGE_SIZE = 20;

const registryQuery = z.object({
  myndighet: z
    .string()
    .regex(/^\d{2}$/)
    .optional()
    .catch(undefined),
  ar: z.coerce.number().int().min(1900).max(9999).optional().catch(undefined),
  sida: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

const idParams = z.object({ id: z.uuid() });
const idempotencyKeyPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** The boards whose registry the actor keeps (case officers and administrators of the board). */
function registryBoards(actor: Actor): string[] {
  if (actor.kind !== 'person') return [];
  return actor.staff.map((s) => s.boardCountyCode).filter((board) => can(actor, 'registry.read', { boardCountyCode: board }));
}

function newIdempotencyKey(): string {
  return randomBytes(18).toString('base64url');
}

function emptyValues(today: string, callSlug: string): RegistrationFormValues {
  return {
    callSlug,
    organisationId: '',
    channel: '',
    receivedDate: today,
    receivedTime: '',
    title: '',
    amountApplied: '',
    note: '',
    idempotencyKey: newIdempotencyKey(),
  };
}

function valuesFrom(fields: Record<string, string>): RegistrationFormValues {
  const field = (name: keyof RegistrationFormValues) => fields[name] ?? '';
  const key = field('idempotencyKey');
  return {
    callSlug: field('callSlug'),
    organisationId: field('organisationId'),
    channel: field('channel'),
    receivedDate: field('receivedDate'),
    receivedTime: field('receivedTime'),
    title: field('title'),
    amountApplied: field('amountApplied'),
    note: field('note'),
    // A form without a usable key (an old page) gets a fresh one: it still registers only once per post.
    idempotencyKey: idempotencyKeyPattern.test(key) ? key : newIdempotencyKey(),
  };
}

function receivedAtText(t: ReturnType<typeof registryTexts>, problem: ReceivedAtProblem): string {
  const texts: Record<ReceivedAtProblem['code'], string> = {
    dateMissing: t.errDateMissing,
    dateInvalid: t.errDateInvalid,
    timeMissing: t.errTimeMissing,
    timeInvalid: t.errTimeInvalid,
    timeSkipped: t.errTimeSkipped,
  };
  return texts[problem.code];
}

function problemText(lang: Lang, problem: RegistrationProblem): string {
  const t = registryTexts(lang);
  const files = storageTexts(lang);
  const named = (text: string) => (problem.field === 'file' && problem.filename ? `${problem.filename}: ${text}` : text);
  switch (problem.code) {
    case 'titleMissing':
      return t.errTitleMissing;
    case 'titleTooLong':
      return t.errTitleTooLong;
    case 'amountInvalid':
      return t.errAmountInvalid;
    case 'amountNotPositive':
      return t.errAmountNotPositive;
    case 'noteTooLong':
      return t.errNoteTooLong;
    case 'receivedInFuture':
      return t.errInFuture;
    case 'callUnknown':
      return t.errCallUnknown;
    case 'organisationUnknown':
      return t.errOrganisationUnknown;
    case 'notEligible':
      return eligibilityMessage(problem.failure, lang);
    case 'missing':
      return t.errFileMissing;
    case 'applicationTooLarge':
      return t.errApplicationTooLarge;
    default:
      return named(files[problem.code]);
  }
}

const problemStatus: Partial<Record<RegistrationProblem['code'], number>> = {
  tooLarge: 413,
  applicationTooLarge: 413,
  notAccepted: 415,
  extensionMismatch: 415,
  infected: 422,
};

export const registryRoutes: FastifyPluginAsync = async (app) => {
  // One received document per registration, read whole because its type is judged from its content.
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  const db = app.database.db;
  const login = { config: { requiresLogin: true } };
  // Forms with a file: readMultipart checks their token.
  const loginMultipart = { config: { requiresLogin: true, csrfInMultipart: true } };

  // --- The registry --------------------------------------------------------------------------

  app.get('/handlaggning/diarium', login, async (request, reply) => {
    const boards = registryBoards(request.actor);
    if (boards.length === 0) throw forbidden();
    const query = registryQuery.parse(request.query ?? {});
    const board = query.myndighet ?? boards[0] ?? '';
    if (!boards.includes(board)) throw forbidden();
    const year = query.ar ?? null;
    const [years, total, names] = await Promise.all([
      listRegistryYears(db, board),
      countRegistryCases(db, board, year),
      Promise.all(boards.map(async (countyCode) => ({ countyCode, name: await boardName(db, countyCode) }))),
    ]);
    const { page, pages, offset } = pageOf(total, query.sida ?? 1, PAGE_SIZE);
    const cases = await listRegistryCases(db, { boardCountyCode: board, year, limit: PAGE_SIZE, offset });
    const prepared = await listPreparedCalls(db, [board]);
    return sendHtml(
      reply,
      <RegistryPage
        ctx={pageContext(request, reply)}
        boards={names}
        board={names.find((b) => b.countyCode === board) ?? { countyCode: board, name: board }}
        years={years}
        year={year}
        total={total}
        page={page}
        pages={pages}
        cases={cases}
        mayRegister={prepared.length > 0}
      />,
    );
  });

  // --- Registering an application received by e-mail or post -------------------------------

  async function renderRegister(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: RegistrationFormValues; errors: FormError[]; fileNotKept: boolean },
    status = 200,
  ) {
    const calls = await listPreparedCalls(db, registryBoards(request.actor));
    const organisations = await listOrganisationsInCounties(db, [...new Set(calls.map((c) => c.countyCode))]);
    return sendHtml(
      reply,
      <RegisterPage
        ctx={pageContext(request, reply)}
        calls={calls}
        organisations={organisations}
        values={form.values}
        errors={form.errors}
        fileNotKept={form.fileNotKept}
      />,
      status,
    );
  }

  app.get('/handlaggning/registrera', login, async (request, reply) => {
    if (registryBoards(request.actor).length === 0) throw forbidden();
    const { utlysning } = z
      .object({ utlysning: z.string().max(200).default('') })
      .catch({ utlysning: '' })
      .parse(request.query ?? {});
    const values = emptyValues(stockholmDateOf(new Date()), utlysning);
    return renderRegister(request, reply, { values, errors: [], fileNotKept: false });
  });

  app.post('/handlaggning/registrera', loginMultipart, async (request, reply) => {
    const actor = request.actor;
    if (actor.kind !== 'person' || registryBoards(actor).length === 0) throw forbidden();
    const t = registryTexts(request.lang);
    const read = await readMultipart(request, request.lang);
    if (!read.ok) {
      const errors = [{ text: read.problem.text, href: `#${read.problem.field}` }];
      return renderRegister(request, reply, { values: valuesFrom(read.fields), errors, fileNotKept: true }, read.problem.status);
    }
    const { fields, file } = read.form;
    const values = valuesFrom(fields);
    const now = new Date();

    const errors: FormError[] = [];
    const add = (href: string, text: string) => errors.push({ text, href: `#${href}` });
    if (values.callSlug === '') add('callSlug', t.errCall);
    const organisationId = /^\d{1,9}$/.test(values.organisationId) ? Number(values.organisationId) : null;
    if (organisationId === null) add('organisationId', t.errOrganisation);
    const channel: ReceivedVia | null = values.channel === 'email' || values.channel === 'post' ? values.channel : null;
    if (channel === null) add('channel', t.errChannel);
    const receivedAt = readReceivedAt(values.receivedDate, values.receivedTime);
    if (!receivedAt.ok) for (const p of receivedAt.problems) add(p.field, receivedAtText(t, p));
    const answers = { title: values.title, amountApplied: values.amountApplied, note: values.note };
    for (const p of checkStatedAnswers(answers, receivedAt.ok ? receivedAt.at : null, now)) add(p.field, problemText(request.lang, p));
    if (!file) add('file', t.errFileMissing);
    if (errors.length > 0 || organisationId === null || channel === null || !receivedAt.ok || !file) {
      return renderRegister(request, reply, { values, errors: inFormOrder(errors), fileNotKept: file !== null }, 400);
    }

    const result = await registerReceivedApplication(db, {
      actor,
      callSlug: values.callSlug,
      organisationId,
      channel,
      receivedAt: receivedAt.at,
      answers,
      documents: [file],
      idempotencyKey: values.idempotencyKey,
      caseCode: app.config.REGISTRY_CASE_CODE,
      now,
      storage: app.files,
      scanner: app.scanner,
    });
    // The page says "registered" only on arrival from this form; later visits show the application.
    if (result.ok) return reply.redirect(`/handlaggning/ansokningar/${result.applicationId}/kvitto?registrerad=1`, 303);
    if (result.reason === 'forbidden') throw forbidden();
    const problemErrors = result.problems.map((p) => ({ text: problemText(request.lang, p), href: `#${p.field}` }));
    const status = Math.max(400, ...result.problems.map((p) => problemStatus[p.code] ?? 400));
    return renderRegister(request, reply, { values, errors: inFormOrder(problemErrors), fileNotKept: true }, status);
  });

  // --- The receipt, for staff ----------------------------------------------------------------

  /**
   * A submitted application the staff member may read. Drafts are not public records and no staff
   * role may see one, so to staff they do not exist (404), like applications they may not read.
   */
  async function loadForStaff(request: FastifyRequest): Promise<ApplicationDetail | null> {
    if (!can(request.actor, 'staffPages.view')) throw forbidden();
    const parsed = idParams.safeParse(request.params);
    if (!parsed.success) return null;
    const found = await findApplication(db, parsed.data.id);
    if (!found || found.status === 'draft' || !can(request.actor, 'application.read', found)) return null;
    return found;
  }

  app.get('/handlaggning/ansokningar/:id/kvitto', login, async (request, reply) => {
    const detail = await loadForStaff(request);
    if (!detail?.registryNumber || !detail.submittedAt) return sendNotFound(request, reply);
    const note = detail.answers.registrationNote;
    return sendHtml(
      reply,
      <RegisteredPage
        ctx={pageContext(request, reply)}
        application={{
          id: detail.id,
          registryNumber: detail.registryNumber,
          boardName: detail.boardName ?? '',
          boardCountyCode: receivingBoard(detail.call),
          submittedAt: detail.submittedAt,
          channel: detail.channel,
          isLate: detail.isLate,
          organisationName: detail.organisationName,
          title: detail.title,
          callTitle: detail.call.title,
          note: typeof note === 'string' ? note : '',
        }}
        files={detail.attachments}
        answers={detail.answers}
        mayRegister={registryBoards(request.actor).length > 0}
        justRegistered={(request.query as { registrerad?: unknown }).registrerad === '1' && detail.channel !== 'eService'}
      />,
    );
  });

  // The same bytes as the applicant's receipt: both are rendered from the frozen snapshot alone.
  app.get('/handlaggning/ansokningar/:id/kvitto.pdf', login, async (request, reply) => {
    const detail = await loadForStaff(request);
    if (!detail) return sendNotFound(request, reply);
    const pdf = await renderReceipt(db, detail);
    if (!pdf) return sendNotFound(request, reply);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="kvitto-${detail.registryNumber ?? detail.id}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
};

const formOrder = ['callSlug', 'organisationId', 'channel', 'receivedDate', 'receivedTime', 'title', 'amountApplied', 'note', 'file'];

/** The error summary lists the problems in the order of the fields, one per field. */
function inFormOrder(errors: FormError[]): FormError[] {
  const first = new Map<string, FormError>();
  for (const e of errors) if (!first.has(e.href)) first.set(e.href, e);
  return [...first.values()].sort((a, b) => formOrder.indexOf(a.href.slice(1)) - formOrder.indexOf(b.href.slice(1)));
}
