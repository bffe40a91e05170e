import type { FastifyPluginAsync } from 'fastify';
import { sendHtml } from '../../platform/http.ts';
import { pageContext } from '../../platform/page-context.ts';
import { findRecordedCallStatistics, findRecordedFigures, findServiceCallAggregates, loadStatisticsOptions } from './queries.ts';
import {
  countyYearStatistics,
  orderCallStatistics,
  parseStatisticsQuery,
  STATISTICS_MAX_AGE_SECONDS,
  serviceCallStatistics,
  statisticsPath,
} from './rules.ts';
import { StatisticsPage } from './views.tsx';

/** Applications and grants per call and per county-year, from the sources and from this service. */
export const statisticsRoutes: FastifyPluginAsync = async (app) => {
  const db = app.database.db;

  app.get(statisticsPath, { config: { pageCache: { maxAgeSeconds: STATISTICS_MAX_AGE_SECONDS } } }, async (request, reply) => {
    const options = await loadStatisticsOptions(db);
    const { filters, notes } = parseStatisticsQuery(request.query, {
      countyCodes: new Set(options.counties.map((c) => c.code)),
      programmeCodes: new Set(options.programmes.map((p) => p.code)),
    });
    const [recorded, service, figures] = await Promise.all([
      findRecordedCallStatistics(db, filters),
      findServiceCallAggregates(db, filters),
      findRecordedFigures(db, filters),
    ]);
    const calls = orderCallStatistics([...recorded, ...service.map(serviceCallStatistics)]);
    return sendHtml(
      reply,
      StatisticsPage({
        ctx: pageContext(request, reply),
        filters,
        notes,
        options,
        countyYears: countyYearStatistics(calls),
        calls,
        figures,
      }),
    );
  });
};
