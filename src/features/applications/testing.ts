import { type HttpSession, hiddenInput } from '../../../test/http-session.ts';

/** A small but real PDF, accepted by the type check. */
export function samplePdf(text = 'Intyg'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** Answers that pass every step for a § 37 a call in `year`, with one partner that receives money. */
export function completeAnswers(year: number): Record<string, Record<string, string | string[]>> {
  return {
    insatsen: {
      title: 'Språkcafé för nyanlända föräldrar',
      projectStart: `${year}-09-01`,
      projectEnd: `${year + 1}-06-30`,
      purposeCodes: ['languageLearning', 'networks'],
      targetGroupCodes: ['newcomers'],
    },
    bakgrund: {
      background: 'Många nyanlända föräldrar saknar mötesplatser.',
      genderAnalysis: 'Kvinnor med små barn deltar mindre; vi erbjuder barnpassning.',
      childAnalysis: 'Barnen får läxhjälp under träffarna.',
      accessibilityAnalysis: 'Lokalen är tillgänglig med rullstol.',
      involvement: 'Vi har intervjuat tio föräldrar.',
    },
    samverkan: {
      'partners.0.organisation': 'Föreningen Mötesplats',
      'partners.0.orgNumber': '',
      'partners.0.role': 'Håller i träffarna',
      'partners.0.receivesMoney': 'yes',
    },
    'syfte-och-mal': { aims: 'Stärka språket.', goals: '40 träffar med minst 10 deltagare.' },
    tidplan: {
      'milestones.0.date': `${year}-12-15`,
      'milestones.0.description': 'Halvtidsavstämning',
      ending: 'Verksamheten förs över till föreningen.',
    },
    genomforande: { implementation: 'Träffar varje vecka.', projectOrganisation: 'En projektledare och två cirkelledare.' },
    budget: { 'cost.personnel': '100 000', 'cost.premises': '20 000', ownFinancing: '20 000', amountApplied: '100 000' },
    kontaktpersoner: { 'contacts.0.name': 'Tolvan Tolvansson', 'contacts.0.email': 'tolvan@linkoping.example', 'contacts.0.phone': '' },
  };
}

/** Posts a multipart form the way a browser does, with the session's cookies: fields in the given order (the forms have their CSRF token first), then the file. */
export async function postMultipart(
  session: HttpSession,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer; type?: string },
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const target = new URL(url, session.baseUrl);
  const cookie = [...session.cookies].map(([n, c]) => `${n}=${c.value}`).join('; ');
  return fetch(target, { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' });
}

/**
 * Creates a draft for the call through the app's own pages, fills every step and attaches the
 * certificates, as an applicant without JavaScript would. Returns the application's id.
 */
export async function createCompleteDraft(
  session: HttpSession,
  callSlug: string,
  year: number,
  options: { answers?: ReturnType<typeof completeAnswers>; certificate?: (kind: string) => Buffer } = {},
): Promise<string> {
  const start = await session.get(`/ansokningar/ny?utlysning=${callSlug}`);
  const html = await start.response.text();
  if (start.response.status !== 200) throw new Error(`new application page answered ${start.response.status}`);
  const organisationId = /name="organisationId"[^>]*value="(\d+)"/.exec(html)?.[1] ?? '';
  const created = await session.post(`/ansokningar?utlysning=${callSlug}`, {
    _csrf: hiddenInput(html, '_csrf'),
    idempotencyKey: hiddenInput(html, 'idempotencyKey'),
    organisationId,
  });
  const id = /\/ansokningar\/([0-9a-f-]{36})/.exec(created.url)?.[1];
  if (!id) throw new Error(`no draft created: ${created.url}`);
  for (const [slug, fields] of Object.entries(options.answers ?? completeAnswers(year))) {
    const page = await session.get(`/ansokningar/${id}/${slug}`);
    const body = await page.response.text();
    const saved = await session.post(`/ansokningar/${id}/${slug}`, {
      _csrf: hiddenInput(body, '_csrf'),
      version: hiddenInput(body, 'version'),
      action: 'next',
      ...fields,
    });
    if (saved.response.status !== 200) throw new Error(`step ${slug} answered ${saved.response.status}: ${await saved.response.text()}`);
    await saved.response.arrayBuffer();
  }
  const attachments = await session.get(`/ansokningar/${id}/bilagor`);
  const csrf = hiddenInput(await attachments.response.text(), '_csrf');
  for (const [kind, extra] of [
    ['signatoryCertificate', {}],
    ['partnerCertificate', { partnerIndex: '0' }],
  ] as const) {
    const response = await postMultipart(
      session,
      `/ansokningar/${id}/bilagor`,
      { _csrf: csrf, kind, ...extra },
      {
        name: `${kind}.pdf`,
        content: options.certificate ? options.certificate(kind) : samplePdf(kind),
        type: 'application/pdf',
      },
    );
    if (response.status !== 303) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  }
  return id;
}

/** The form the review page posts when the applicant ticks the confirmations and presses the button. */
export async function submitForm(session: HttpSession, id: string): Promise<Record<string, string>> {
  const html = await (await session.get(`/ansokningar/${id}/skicka-in`)).response.text();
  return {
    _csrf: hiddenInput(html, '_csrf'),
    version: hiddenInput(html, 'version'),
    'confirm.notForProfit': 'yes',
    'confirm.municipalityResponsible': 'yes',
    'confirm.municipalityParticipates': 'yes',
  };
}

/** Submits a complete draft through the review page; returns the final response and URL. */
export async function submitDraft(session: HttpSession, id: string): Promise<{ response: Response; url: string }> {
  return session.post(`/ansokningar/${id}/skicka-in`, await submitForm(session, id));
}
