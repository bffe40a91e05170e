import type { FastifyPluginAsync } from 'fastify';
import { sendNotFound } from '../../platform/errors.tsx';
import { stockholmDateOf } from '../../platform/format.ts';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { type CallFilter, type FilterOptions, getCallBySlug, listCalls, listFilterOptions } from './queries.ts';
import { groupCalls } from './rules.ts';
import { callTexts } from './texts.ts';
import { CallListPage, type CallListSelection, CallPage } from './views.tsx';

type Lang = Parameters<typeof callTexts>[0];

/**
 * One filter value from the query string: the option it names, or undefined. A value that names
 * nothing (or is repeated) is ignored with a note for the visitor, so a mistyped or stale link
 * still shows the calls.
 */
function readOption<T>(
  value: unknown,
  find: (text: string) => T | undefined,
  invalid: (text: string) => string,
  notes: string[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  const found = typeof value === 'string' ? find(value) : undefined;
  if (found === undefined) notes.push(invalid(Array.isArray(value) ? value.map(String).join(', ') : String(value)));
  return found;
}

/** Reads `?lan=<county slug>&bidrag=<programme code>`. */
function readFilter(
  query: Record<string, unknown>,
  options: FilterOptions,
  lang: Lang,
): { filter: CallFilter; selection: CallListSelection; notes: string[] } {
  const t = callTexts(lang);
  const notes: string[] = [];
  const county = readOption(query.lan, (slug) => options.counties.find((c) => c.slug === slug), t.invalidCounty, notes);
  const programme = readOption(query.bidrag, (code) => options.programmes.find((p) => p.code === code), t.invalidProgramme, notes);
  return {
    filter: { ...(county ? { countyCode: county.code } : {}), ...(programme ? { programmeCode: programme.code } : {}) },
    selection: { countySlug: county?.slug ?? null, programmeCode: programme?.code ?? null },
    notes,
  };
}

export const callRoutes: FastifyPluginAsync = async (app) => {
  app.get('/utlysningar', { config: { pageCache: true } }, async (request, reply) => {
    const db = app.database.db;
    const options = await listFilterOptions(db);
    const { filter, selection, notes } = readFilter(request.query as Record<string, unknown>, options, request.lang);
    const today = stockholmDateOf(new Date());
    const groups = groupCalls(await listCalls(db, filter), today);
    return sendHtml(reply, CallListPage({ ctx: pageContext(request, reply), groups, today, options, selection, notes }));
  });

  app.get<{ Params: { slug: string } }>('/utlysningar/:slug', { config: { pageCache: true } }, async (request, reply) => {
    const detail = await getCallBySlug(app.database.db, request.params.slug);
    if (!detail) return sendNotFound(request, reply);
    return sendHtml(reply, CallPage({ ctx: pageContext(request, reply), detail, today: stockholmDateOf(new Date()) }));
  });
};
