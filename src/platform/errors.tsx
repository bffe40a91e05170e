import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatFileSize } from './format.ts';
import { defineTexts } from './i18n.ts';
import { Layout } from './layout.tsx';
import { pageContext } from './page-context.ts';

const texts = defineTexts({
  sv: {
    notFoundTitle: 'Sidan kunde inte hittas',
    notFoundBody:
      'Om du skrev in adressen själv, kontrollera att den är rätt. Om du klickade på en länk kan sidan ha flyttats eller tagits bort.',
    notFoundHome: 'Gå till startsidan',
    tooLargeTitle: 'Filen eller formuläret är för stort',
    tooLargeBody:
      'Det du skickade var större än vad tjänsten tar emot. En fil får vara högst 20 MB. Gå tillbaka och försök med en mindre fil. Det du sparat tidigare finns kvar.',
    tooLargeFormTitle: 'Formuläret är för stort',
    tooLargeFormBody: (limit: string) =>
      `Svaren du skickade var tillsammans större än ${limit}, mer än tjänsten tar emot, så de har inte sparats. Det du sparat tidigare finns kvar. Gå tillbaka, korta de längsta svaren och spara igen.`,
    csrfTitle: 'Formuläret har gått ut',
    csrfBody:
      'Av säkerhetsskäl kunde formuläret inte tas emot. Gå tillbaka, ladda om sidan och skicka igen. Det du sparat tidigare finns kvar.',
    rateTitle: 'För många förfrågningar',
    rateBody: 'Du har gjort många förfrågningar på kort tid. Vänta en minut och försök igen.',
    badRequestTitle: 'Förfrågan kunde inte tas emot',
    badRequestBody: 'Det som skickades gick inte att tolka. Gå tillbaka och försök igen. Det du sparat tidigare finns kvar.',
    forbiddenTitle: 'Du har inte behörighet till sidan',
    forbiddenBody: 'Sidan finns, men ditt konto har inte behörighet att se den.',
    errorTitle: 'Något gick fel',
    errorBody: 'Ett tekniskt fel uppstod. Försök igen om en stund. Om felet kvarstår, kontakta länsstyrelsen och ange felkoden nedan.',
    errorCode: 'Felkod',
  },
  en: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'If you typed the address, check it is correct. If you followed a link, the page may have moved or been removed.',
    notFoundHome: 'Go to the start page',
    tooLargeTitle: 'The file or form is too large',
    tooLargeBody:
      'What you sent was larger than the service accepts. A file may be at most 20 MB. Go back and try a smaller file. What you saved before is kept.',
    tooLargeFormTitle: 'The form is too large',
    tooLargeFormBody: (limit: string) =>
      `The answers you sent were together larger than ${limit}, more than the service accepts, so they have not been saved. What you saved before is kept. Go back, shorten the longest answers and save again.`,
    csrfTitle: 'The form has expired',
    csrfBody:
      'For security reasons the form could not be accepted. Go back, reload the page and send it again. What you saved before is kept.',
    rateTitle: 'Too many requests',
    rateBody: 'You have made many requests in a short time. Wait a minute and try again.',
    badRequestTitle: 'The request could not be accepted',
    badRequestBody: 'What was sent could not be read. Go back and try again. What you saved before is kept.',
    forbiddenTitle: 'You do not have access to this page',
    forbiddenBody: 'The page exists, but your account may not see it.',
    errorTitle: 'Something went wrong',
    errorBody: 'A technical error occurred. Try again shortly. If it persists, contact the county board and quote the error code below.',
    errorCode: 'Error code',
  },
});

function ErrorPage(props: { request: FastifyRequest; reply: FastifyReply; title: string; body: string; code?: string }) {
  const ctx = pageContext(props.request, props.reply);
  const t = texts(ctx.lang);
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1 class="govuk-heading-l" safe>
        {props.title}
      </h1>
      <p class="govuk-body" safe>
        {props.body}
      </p>
      {props.code ? (
        <p class="govuk-body">
          {t.errorCode}: <code safe>{props.code}</code>
        </p>
      ) : (
        ''
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/">
          {t.notFoundHome}
        </a>
      </p>
    </Layout>
  );
}

/** Thrown by a route when the actor may not do what they asked; the error handler shows the 403 page. */
export function forbidden(): Error {
  return Object.assign(new Error('forbidden'), { statusCode: 403 });
}

/** Sends the Swedish (or English) 404 page; routes call this for unknown ids. */
export async function sendNotFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const t = texts(request.lang);
  return reply
    .code(404)
    .type('text/html; charset=utf-8')
    .send(await (<ErrorPage request={request} reply={reply} title={t.notFoundTitle} body={t.notFoundBody} />));
}

/**
 * For Fastify's `frameworkErrors`: an address that cannot be decoded (`/projekt/%FF`) gets the
 * 400 page. Fastify makes this request without the app's request decorations and no hook has
 * run, so the page is Swedish and shows no one as logged in.
 */
export async function sendBadUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.lang = 'sv';
  request.viewer = null;
  const t = texts(request.lang);
  request.log.info({ code: error.code }, error.message);
  try {
    const page = await (<ErrorPage request={request} reply={reply} title={t.badRequestTitle} body={t.badRequestBody} />);
    reply.code(400).type('text/html; charset=utf-8').send(page);
  } catch (err) {
    request.log.error({ err }, 'the 400 page failed');
    reply.code(400).type('text/plain; charset=utf-8').send(t.badRequestBody);
  }
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendNotFound(request, reply));

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const lang = request.lang ?? 'sv';
    const t = texts(lang);
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    let title: string = t.errorTitle;
    let body: string = t.errorBody;
    let code: string | undefined;
    // A file comes in a multipart form; any other body too large is typed text.
    if (status === 413 && !request.headers['content-type']?.startsWith('multipart/'))
      [title, body] = [t.tooLargeFormTitle, t.tooLargeFormBody(formatFileSize(request.server.initialConfig.bodyLimit ?? 0, lang))];
    else if (status === 413) [title, body] = [t.tooLargeTitle, t.tooLargeBody];
    else if (status === 429) [title, body] = [t.rateTitle, t.rateBody];
    else if (status === 403 && error.code?.startsWith('FST_CSRF')) [title, body] = [t.csrfTitle, t.csrfBody];
    else if (status === 403) [title, body] = [t.forbiddenTitle, t.forbiddenBody];
    else if (status === 404) [title, body] = [t.notFoundTitle, t.notFoundBody];
    else if (status < 500) [title, body] = [t.badRequestTitle, t.badRequestBody];
    else {
      code = request.id;
      request.log.error({ err: error }, 'unexpected error');
    }
    if (status < 500) request.log.info({ status, code: error.code }, error.message);
    reply.code(status).type('text/html; charset=utf-8');
    return reply.send(await (<ErrorPage request={request} reply={reply} title={title} body={body} {...(code ? { code } : {})} />));
  });
}
