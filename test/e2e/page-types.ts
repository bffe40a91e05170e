import { asc } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { calls, projects } from '../../src/db/schema/index.ts';

/** One public page of each kind, as the browser tests and the page benchmark visit them. */
export interface PageType {
  name: string;
  path: string;
  status: 200 | 404;
}

/**
 * Every public page type. The call and project pages take the first seeded call and project,
 * so the list follows whatever the seed holds.
 */
export async function publicPageTypes(db: Db): Promise<PageType[]> {
  const [call] = await db.select({ slug: calls.slug }).from(calls).orderBy(asc(calls.id)).limit(1);
  const [project] = await db.select({ id: projects.id }).from(projects).orderBy(asc(projects.id)).limit(1);
  if (!call) throw new Error('the database holds no call: seed it first');
  if (!project) throw new Error('the database holds no project: seed it first');
  return [
    { name: 'home', path: '/', status: 200 },
    { name: 'programmes', path: '/bidrag', status: 200 },
    { name: 'programme', path: '/bidrag/s37a', status: 200 },
    { name: 'county_programme', path: '/bidrag/s37a/vastra-gotaland', status: 200 },
    { name: 'calls', path: '/utlysningar', status: 200 },
    { name: 'call', path: `/utlysningar/${encodeURIComponent(call.slug)}`, status: 200 },
    { name: 'catalogue', path: '/projekt', status: 200 },
    { name: 'project', path: `/projekt/${project.id}`, status: 200 },
    { name: 'open_data', path: '/oppna-data', status: 200 },
    { name: 'statistics', path: '/statistik', status: 200 },
    { name: 'guidance', path: '/vagledning', status: 200 },
    { name: 'templates', path: '/vagledning/mallar', status: 200 },
    { name: 'questions', path: '/ansokan/fragor?bidrag=s37a', status: 200 },
    { name: 'glossary', path: '/ordlista', status: 200 },
    { name: 'councils', path: '/integrationsradet', status: 200 },
    { name: 'council', path: '/integrationsradet/orebro', status: 200 },
    { name: 'accessibility', path: '/tillganglighet', status: 200 },
    { name: 'not_found', path: '/sidan-finns-inte', status: 404 },
  ];
}
