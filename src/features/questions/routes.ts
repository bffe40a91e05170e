import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sendNotFound } from '../../platform/errors.tsx';
import { stockholmDateOf } from '../../platform/format.ts';
import { sendHtml } from '../../platform/http.ts';
import type { Lang } from '../../platform/i18n.ts';
import { pageContext } from '../../platform/page-context.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { loadChoiceOptions } from '../applications/queries.ts';
import { listProgrammes } from '../programmes/queries.ts';
import { questionsDocument } from './document.ts';
import { type QuestionSheet, type QuestionsProgramme, questionsPath, questionsPdfPath, templatesPath } from './rules.ts';
import { texts } from './texts.ts';
import { QuestionsPage } from './views.tsx';

/**
 * The questions of the application form, public: `/ansokan/fragor?bidrag=<programme code>` as a
 * page and `/ansokan/fragor.pdf?bidrag=<programme code>` as a printable PDF. Without `bidrag` the
 * first programme is shown; an unknown programme is not found.
 */
export const questionRoutes: FastifyPluginAsync = async (app) => {
  const db = app.database.db;
  const programmes = app.publicContent.memo(async (): Promise<QuestionsProgramme[]> => listProgrammes(db));

  /** The programme `?bidrag=` names, the first one when it names none, or null when it names an unknown one. */
  async function requestedProgramme(request: FastifyRequest): Promise<{ programme: QuestionsProgramme; all: QuestionsProgramme[] } | null> {
    const all = await programmes();
    const code = (request.query as Record<string, unknown>).bidrag;
    const programme = code === undefined || code === '' ? all[0] : all.find((p) => p.code === code);
    return programme ? { programme, all } : null;
  }

  /** The purposes and target groups are those of the current year in Stockholm. */
  async function sheetOf(programme: QuestionsProgramme, year: number): Promise<QuestionSheet> {
    const options = await loadChoiceOptions(db, programme.code, year);
    return { programme, year, purposes: options.purposes, targetGroups: options.targetGroups };
  }

  app.get(questionsPath, { config: { pageCache: true } }, async (request, reply) => {
    const found = await requestedProgramme(request);
    if (!found) return sendNotFound(request, reply);
    const sheet = await sheetOf(found.programme, currentYear());
    return sendHtml(reply, QuestionsPage({ ctx: pageContext(request, reply), sheet, programmes: found.all }));
  });

  // The page cache keeps only HTML: each PDF is rendered once per programme, language and year,
  // and again after public content changes.
  const rendered = new Map<string, () => Promise<Buffer>>();
  function renderedPdf(programmeCode: string, lang: Lang, year: number): Promise<Buffer> {
    const key = `${programmeCode}|${lang}|${year}`;
    let render = rendered.get(key);
    if (!render) {
      render = app.publicContent.memo(async () => {
        // Looked up again on each rendering, which may follow a change to the programmes.
        const programme = (await programmes()).find((p) => p.code === programmeCode);
        if (!programme) throw new Error(`The programme ${programmeCode} was removed while its questions were rendered`);
        return renderPdf(questionsDocument(await sheetOf(programme, year), lang, `${app.config.publicUrl}${templatesPath}`));
      });
      rendered.set(key, render);
    }
    return render();
  }

  app.get(questionsPdfPath, async (request, reply) => {
    const found = await requestedProgramme(request);
    if (!found) return sendNotFound(request, reply);
    const pdf = await renderedPdf(found.programme.code, request.lang, currentYear());
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${texts(request.lang).fileName(found.programme.code)}"`)
      .send(pdf);
  });
};

function currentYear(): number {
  return Number(stockholmDateOf(new Date()).slice(0, 4));
}
