import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sendNotFound } from '../../platform/errors.tsx';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { findAllProjects, findProject, findProjectPage, knownValuesOf, loadCatalogueOptions } from './queries.ts';
import { PAGE_SIZE, pageCount, pageOffset, parseCatalogueQuery, projectsCsv, projectsJson } from './rules.ts';
import { exportSource } from './texts.ts';
import { CataloguePage, OpenDataPage, ProjectPage } from './views.tsx';

const MAX_SERIAL = 2_147_483_647;

/** The granted-projects catalogue, its project pages and its open-data exports. */
export const catalogueRoutes: FastifyPluginAsync = async (app) => {
  const db = app.database.db;

  // Five queries (distinct years, municipalities with projects…) that change only with content.
  const catalogueOptions = app.publicContent.memo(() => loadCatalogueOptions(db));

  async function filteredQuery(request: FastifyRequest) {
    const options = await catalogueOptions();
    return { options, ...parseCatalogueQuery(request.query, knownValuesOf(options)) };
  }

  async function exportedProjects(request: FastifyRequest) {
    const { filters, notes } = await filteredQuery(request);
    return { filters, notes, projects: await findAllProjects(db, filters) };
  }

  app.get('/projekt', { config: { pageCache: true } }, async (request, reply) => {
    const { options, filters, notes } = await filteredQuery(request);
    const offset = pageOffset(filters.page);
    const { projects, total } = await findProjectPage(db, filters, { limit: PAGE_SIZE, offset });
    return sendHtml(
      reply,
      CataloguePage({ ctx: pageContext(request, reply), filters, notes, options, projects, total, offset, pages: pageCount(total) }),
    );
  });

  app.get('/projekt.csv', async (request, reply) => {
    const { projects } = await exportedProjects(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="beviljade-projekt.csv"')
      .send(projectsCsv(projects, app.config.publicUrl));
  });

  app.get('/projekt.json', async (request, reply) => {
    const { filters, notes, projects } = await exportedProjects(request);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="beviljade-projekt.json"')
      .send(
        JSON.stringify(
          projectsJson(projects, filters, { generated: new Date(), source: exportSource, baseUrl: app.config.publicUrl }, notes),
        ),
      );
  });

  app.get<{ Params: { id: string } }>('/projekt/:id', { config: { pageCache: true } }, async (request, reply) => {
    const id = /^\d{1,10}$/.test(request.params.id) ? Number(request.params.id) : Number.NaN;
    if (!(id >= 1 && id <= MAX_SERIAL)) return sendNotFound(request, reply);
    const project = await findProject(db, id);
    if (!project) return sendNotFound(request, reply);
    return sendHtml(reply, ProjectPage({ ctx: pageContext(request, reply), project }));
  });

  app.get('/oppna-data', { config: { pageCache: true } }, async (request, reply) =>
    sendHtml(reply, OpenDataPage({ ctx: pageContext(request, reply) })),
  );
};
