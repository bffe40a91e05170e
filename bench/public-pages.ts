// Public-pages benchmark: seeds 10 000 granted projects into bench/.data, measures the fixed
// hello-world baseline, then loads the catalogue, a project page and the home page of the real app
// (a child process, as `npm start` runs it) with and without the page cache; prints first-visit
// bytes per page type and the cold-start time. bench/README.md explains every figure.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { asc, eq } from 'drizzle-orm';
import { projectSearchText } from '../seed/projects.ts';
import { type Database, type DbOrTx, openDatabase } from '../src/db/client.ts';
import {
  counties,
  organisations,
  projectMunicipalities,
  projectPartners,
  projectPurposes,
  projects,
  purposes,
} from '../src/db/schema/index.ts';
import { type PageType, publicPageTypes } from '../test/e2e/page-types.ts';
import type { CapturedPage } from './replay-server.ts';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, 'bench/.data');
const PROJECT_COUNT = 10_000;
const YEARS = 10;
const PAGE_SIZE = 20;
const LOAD = { connections: 50, duration: 10 } as const;
const ASSETS = ['/assets/app.css', '/assets/app.js', '/assets/govuk-frontend.min.js'];

// ---------------------------------------------------------------------------------------------
// Seeding

/** A small deterministic generator, so every run seeds the same projects. */
function randomSource(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = randomSource(37);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const activities = [
  'Språkcafé',
  'Flyktingguider',
  'Familjekontakter',
  'Läxhjälp',
  'Samhällsorientering i praktiken',
  'Föräldraskap i Sverige',
  'Mötesplats',
  'Studiecirkel i vardagssvenska',
  'Idrott och gemenskap',
  'Jobbspår',
  'Mentorprogram',
  'Kulturkvällar',
  'Digital vardagskunskap',
  'Simskola',
  'Körkortsteori på lätt svenska',
  'Hälsoskola',
  'Odla tillsammans',
  'Cykelskola',
  'Sommarlovsaktiviteter',
  'Fritidsguider',
  'Bokcirkel',
  'Språkvänner',
  'Kvinnonätverk',
  'Stödboende med fritidsstöd',
] as const;
const audiences = [
  'för nyanlända',
  'för ensamkommande barn',
  'för asylsökande familjer',
  'för nyanlända kvinnor',
  'för unga vuxna',
  'för nyanlända föräldrar',
  'för äldre nyanlända',
  'för nyanlända barn och unga',
  'för skyddsbehövande enligt massflyktsdirektivet',
] as const;
const goals = [
  'underlätta etableringen i samhället',
  'skapa nätverk mellan nyanlända och etablerade invånare',
  'stödja språkinlärningen i vardagen',
  'ge socialt stöd till ensamkommande barn',
  'öka kunskapen om hur samhället fungerar',
  'stärka föräldrarna i deras föräldraroll',
  'bryta isolering och skapa meningsfull fritid',
  'korta vägen till arbete och studier',
] as const;
const methods = [
  'regelbundna träffar med frivilliga guider',
  'gruppträffar två kvällar i veckan',
  'samtalsgrupper på lätt svenska',
  'studiebesök hos arbetsgivare och myndigheter',
  'gemensamma aktiviteter i föreningslivet',
  'individuella möten med en familjekontakt',
  'workshoppar om vardagsekonomi, hälsa och skola',
  'digitala träffar kombinerade med fysiska möten',
] as const;
const places = [
  'kommunens bibliotek',
  'en öppen mötesplats i centrum',
  'skolans lokaler',
  'föreningens lokaler',
  'medborgarkontoret',
] as const;
const outcomes = [
  'Deltagarna ska efter insatsen ha fler kontakter utanför den egna gruppen.',
  'Insatsen följs upp med enkäter och samtal med deltagarna.',
  'Erfarenheterna ska tas tillvara i kommunens ordinarie verksamhet efter projekttiden.',
  'Barn- och jämställdhetsperspektivet beaktas i planeringen av varje aktivitet.',
  'Aktiviteterna är avgiftsfria och lokalerna är tillgängliga för personer med funktionsnedsättning.',
] as const;
const partners = [
  'Studieförbundet Vuxenskolan',
  'ABF',
  'Studiefrämjandet',
  'Sensus studieförbund',
  'Bilda',
  'Svenska kyrkan',
  'Röda Korset',
  'Rädda Barnen',
  'Hyresgästföreningen',
  'RF-SISU',
  'Arbetsförmedlingen',
  'Folkhögskolan',
] as const;

interface CountyInfo {
  code: string;
  shortName: string;
  municipalities: { code: string; name: string }[];
}

async function loadCounties(db: DbOrTx): Promise<CountyInfo[]> {
  const countyRows = await db.select({ code: counties.code, shortName: counties.shortName }).from(counties).orderBy(asc(counties.code));
  const municipalityRows = await db
    .select({ code: organisations.municipalityCode, name: organisations.name, countyCode: organisations.countyCode })
    .from(organisations)
    .where(eq(organisations.kind, 'municipality'));
  return countyRows.map((c) => ({
    ...c,
    municipalities: municipalityRows.flatMap((m) => (m.countyCode === c.code && m.code ? [{ code: m.code, name: m.name }] : [])),
  }));
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function seedBenchProjects(database: Database, years: number[]): Promise<void> {
  const countyInfos = await loadCounties(database.db);
  const purposeRows = await database.db.select({ programmeCode: purposes.programmeCode, code: purposes.code }).from(purposes);
  await database.db.transaction(async (tx) => {
    for (const batch of chunks([...Array(PROJECT_COUNT).keys()], 500)) {
      // Spread evenly: consecutive projects walk through every county × year cell.
      const drafts = batch.map((i) => {
        const county = countyInfos[i % countyInfos.length] as CountyInfo;
        const year = years[Math.floor(i / countyInfos.length) % years.length] as number;
        const places_ = [...new Set(Array.from({ length: between(1, 3) }, () => pick(county.municipalities)))];
        const partnerNames = [...new Set(Array.from({ length: between(0, 3) }, () => pick(partners)))].map((p) =>
          p === 'Folkhögskolan' ? `${places_[0]?.name} folkhögskola` : p,
        );
        const title = `${pick(activities)} ${pick(audiences)} i ${places_.map((m) => m.name).join(' och ')}`;
        const description = [
          `Insatsen ska ${pick(goals)} genom ${pick(methods)}.`,
          `Verksamheten bedrivs i ${pick(places)} i ${places_[0]?.name}.`,
          partnerNames.length > 0 ? `${partnerNames.join(' och ')} medverkar i genomförandet.` : '',
          pick(outcomes),
        ]
          .filter(Boolean)
          .join(' ');
        const startMonth = between(1, 9);
        const programmeCode = random() < 0.7 ? 's37a' : 's37';
        return {
          places: places_,
          partnerNames,
          purposeCodes: [
            ...new Set(
              Array.from({ length: between(1, 2) }, () => pick(purposeRows.filter((p) => p.programmeCode === programmeCode)).code),
            ),
          ],
          row: {
            countyCode: county.code,
            programmeCode,
            year,
            title,
            description,
            startsOn: `${year}-${String(startMonth).padStart(2, '0')}-01`,
            endsOn: `${year + between(0, 1)}-12-31`,
            amountOre: between(50, 2000) * 1000 * 100,
            isDemo: true,
            searchText: projectSearchText(
              { title, description, partners: partnerNames },
              places_.map((m) => m.name),
            ),
          },
        };
      });
      const ids = await tx
        .insert(projects)
        .values(drafts.map((d) => d.row))
        .returning({ id: projects.id });
      const municipalityRows = drafts.flatMap((d, i) => d.places.map((m) => ({ projectId: ids[i]!.id, municipalityCode: m.code })));
      const partnerRows = drafts.flatMap((d, i) => d.partnerNames.map((name, sortOrder) => ({ projectId: ids[i]!.id, name, sortOrder })));
      const purposeLinks = drafts.flatMap((d, i) => d.purposeCodes.map((purposeCode) => ({ projectId: ids[i]!.id, purposeCode })));
      await tx.insert(projectMunicipalities).values(municipalityRows);
      if (partnerRows.length > 0) await tx.insert(projectPartners).values(partnerRows);
      if (purposeLinks.length > 0) await tx.insert(projectPurposes).values(purposeLinks);
    }
  });
}

interface BenchData {
  years: number[];
  countyCodes: string[];
  projectIds: number[];
  pageTypes: PageType[];
}

async function seed(): Promise<BenchData> {
  rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    const { seedAll } = await import('../seed/index.ts');
    const today = new Date().toISOString().slice(0, 10);
    await seedAll(database, { today });
    const lastYear = Number(today.slice(0, 4)) - 1;
    const years = Array.from({ length: YEARS }, (_, i) => lastYear - i);
    await seedBenchProjects(database, years);
    const countyRows = await database.db.select({ code: counties.code }).from(counties).orderBy(asc(counties.code));
    const ids = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.isDemo, true)).orderBy(asc(projects.id));
    // 200 project pages spread over the whole table.
    const projectIds = Array.from({ length: 200 }, (_, i) => ids[Math.floor((i * ids.length) / 200)]!.id);
    const pageTypes = await publicPageTypes(database.db);
    console.log(`seeded ${PROJECT_COUNT} projects over ${countyRows.length} counties × ${YEARS} years in ${ms(started)} ms`);
    return { years, countyCodes: countyRows.map((c) => c.code), projectIds, pageTypes };
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Processes and HTTP

function ms(since: number): number {
  return Math.round(performance.now() - since);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** A GET that returns the bytes as sent (no decompression), for counting transferred bytes. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(parts) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface App {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/** Whether any process of the group led by `pid` is still running. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The app as a newcomer starts it: `npm start` (the asset check, then `node --import tsx
 * src/main.ts`), in a process group of its own so that stopping it stops the server as well.
 */
function startApp(env: Record<string, string>, port: number): App {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    // npm and the server run on the first `node` in PATH: the project's Node 22, not the system's.
    env: {
      ...process.env,
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '100000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('npm start could not be spawned');
  return {
    child,
    port,
    async stop() {
      if (groupAlive(pid)) process.kill(-pid, 'SIGTERM');
      // The server closes the database and releases the data folder's lock after npm has exited.
      while (groupAlive(pid)) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/** Polls until `ready` accepts a response to GET `path`; returns the milliseconds since `since`. */
async function waitUntil(app: App, path: string, ready: (r: RawResponse) => boolean, since: number, timeoutMs = 180_000): Promise<number> {
  for (;;) {
    if (app.child.exitCode !== null) throw new Error(`the app exited with code ${app.child.exitCode} before it was ready`);
    try {
      const response = await get(app.port, path);
      if (ready(response)) return ms(since);
    } catch {
      // Not listening yet.
    }
    if (performance.now() - since > timeoutMs) throw new Error(`the app was not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

function runBaseline(): Promise<{ rps: number; p99: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['../shared/bench/hello-baseline.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const match = /^baseline rps=([\d.]+) p99_ms=([\d.]+)$/m.exec(out);
      if (code !== 0 || !match) return reject(new Error(`hello-baseline failed (exit ${code}):\n${out}`));
      resolve({ rps: Number(match[1]), p99: Number(match[2]) });
    });
  });
}

interface Load {
  name: string;
  paths: string[];
  headers?: Record<string, string>;
}

async function load(port: number, scenario: Load, baselineRps: number): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    ...LOAD,
    ...(scenario.headers ? { headers: scenario.headers } : {}),
    requests: scenario.paths.map((path) => ({ method: 'GET', path })),
  });
  const rps = result.requests.average;
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `${scenario.name.padEnd(24)} rps=${rps.toFixed(0).padStart(6)} p50_ms=${result.latency.p50} p99_ms=${result.latency.p99} ` +
      `ratio=${(rps / baselineRps).toFixed(2)} urls=${scenario.paths.length} errors=${errors}`,
  );
  // Timeouts under overload are a result to report, not a reason to lose the rest of the run.
  if (errors > 0) console.log(`  ${scenario.name}: ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${result.errors} errors in all`);
  return rps;
}

/** Fetches every path once (fills the page cache, warms the JIT) and checks each catalogue page is full. */
async function warmUp(port: number, scenario: Load, expectProjectsPerPage?: number): Promise<void> {
  for (const path of scenario.paths) {
    const response = await get(port, path);
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    if (expectProjectsPerPage !== undefined) {
      const ids = new Set([...response.body.toString().matchAll(/href="\/projekt\/(\d+)"/g)].map((m) => m[1]));
      if (ids.size !== expectProjectsPerPage) throw new Error(`${path}: ${ids.size} projects listed, expected ${expectProjectsPerPage}`);
    }
  }
}

function scriptProblems(html: string): string[] {
  const problems: string[] = [];
  const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html)?.[0] ?? '';
  for (const tag of head.match(/<script\b[^>]*>/gi) ?? []) {
    if (!/type=["']?module/i.test(tag) && !/\s(defer|async)\b/i.test(tag)) problems.push(`render-blocking in <head>: ${tag}`);
  }
  const body = html.slice(html.search(/<body[\s>]/i));
  const tags = body.match(/<script\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    if (!/type=["']?module/i.test(tag) && !/\sdefer\b/i.test(tag)) problems.push(`classic script without defer: ${tag}`);
  }
  const lastScript = body.search(/<script\b(?![\s\S]*<script\b)/i);
  if (tags.length > 0 && /<(main|footer)\b/i.test(body.slice(lastScript))) problems.push('a script comes before the end of <body>');
  return problems;
}

/** Same-origin stylesheets, scripts, icons and images the HTML refers to, besides the fixed assets. */
function referencedAssets(html: string): string[] {
  const refs = [...html.matchAll(/<(?:link|script|img)\b[^>]*?\s(?:href|src)="(\/[^"]+)"/gi)].map((m) => m[1] as string);
  return refs.filter((r) => r.startsWith('/assets/'));
}

async function firstVisitBytes(port: number, pageTypes: PageType[]): Promise<number> {
  const compressed = { 'accept-encoding': 'br, gzip' };
  const assetSizes = new Map<string, { raw: number; compressed: number }>();
  let maxKb = 0;
  const blocking = new Set<string>();
  console.log('\nfirst visit, empty browser cache (HTML + CSS + JS), KB = 1024 bytes:');
  console.log(
    `${'page'.padEnd(18)} ${'html_raw'.padStart(9)} ${'html_sent'.padStart(9)} ${'total_raw'.padStart(9)} ${'total_sent'.padStart(10)}`,
  );
  for (const pageType of pageTypes) {
    const raw = await get(port, pageType.path);
    const sent = await get(port, pageType.path, compressed);
    if (raw.status !== pageType.status) {
      console.log(`${pageType.name.padEnd(18)} not measured: ${pageType.path} answered HTTP ${raw.status}, not ${pageType.status}`);
      continue;
    }
    const html = raw.body.toString();
    for (const p of scriptProblems(html)) blocking.add(p);
    let totalRaw = raw.body.length;
    let totalSent = sent.body.length;
    for (const asset of new Set([...ASSETS, ...referencedAssets(html)])) {
      let size = assetSizes.get(asset);
      if (!size) {
        const a = await get(port, asset);
        const c = await get(port, asset, compressed);
        if (a.status !== 200) throw new Error(`${asset}: HTTP ${a.status}`);
        size = { raw: a.body.length, compressed: c.body.length };
        assetSizes.set(asset, size);
      }
      totalRaw += size.raw;
      totalSent += size.compressed;
    }
    const kb = (n: number) => (n / 1024).toFixed(1);
    maxKb = Math.max(maxKb, totalSent / 1024);
    console.log(
      `${pageType.name.padEnd(18)} ${kb(raw.body.length).padStart(9)} ${kb(sent.body.length).padStart(9)} ${kb(totalRaw).padStart(9)} ${kb(totalSent).padStart(10)}`,
    );
  }
  for (const [asset, size] of assetSizes) {
    console.log(`  asset ${asset}: ${(size.raw / 1024).toFixed(1)} KB raw, ${(size.compressed / 1024).toFixed(1)} KB sent`);
  }
  if (blocking.size === 0) console.log('render-blocking scripts: none (every script is type=module or defer, at the end of <body>)');
  for (const p of blocking) console.log(`render-blocking script: ${p}`);
  return maxKb;
}

/** Header lines Node's HTTP server writes itself, so the replay server must not repeat them. */
const SERVER_WRITTEN = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Serves the app's cached responses for `paths`, byte for byte, from a server that does nothing
 * else (`replay-server.ts`), and loads it as the app was loaded: the load client's ceiling.
 */
async function replayLoad(appPort: number, scenario: Load, baselineRps: number): Promise<number> {
  const pages: CapturedPage[] = [];
  for (const path of scenario.paths) {
    const response = await get(appPort, path, scenario.headers);
    if (response.headers['x-page-cache'] !== 'hit') throw new Error(`${path}: not served from the page cache`);
    const headers: string[] = [];
    for (let i = 0; i < response.rawHeaders.length; i += 2) {
      const [name = '', value = ''] = response.rawHeaders.slice(i, i + 2);
      if (!SERVER_WRITTEN.has(name.toLowerCase())) headers.push(name, value);
    }
    pages.push({ path, headers, bodyBase64: response.body.toString('base64') });
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/replay-server.ts')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (code) => reject(new Error(`the replay server exited with code ${code}`)));
      child.send(pages);
    });
    return await load(port, scenario, baselineRps);
  } finally {
    child.kill();
  }
}

/** The home page lists the programmes and at least one call: the demo data is there. */
function homeIsReady(r: RawResponse): boolean {
  const html = r.body.toString();
  return (
    r.status === 200 &&
    html.includes('href="/bidrag/s37a"') &&
    html.includes('href="/bidrag/s37"') &&
    /href="\/utlysningar\/[^"?]+"/.test(html)
  );
}

async function coldStart(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const app = startApp(env, await freePort());
  try {
    return await waitUntil(app, '/', homeIsReady, started);
  } finally {
    await app.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22) throw new Error(`run on Node 22 (npm run bench:public-pages); this is ${process.version}`);
console.log(`node ${process.version}, ${LOAD.connections} connections × ${LOAD.duration} s per load`);

const data = await seed();
const baseline = await runBaseline();
console.log(`baseline rps=${baseline.rps} p99_ms=${baseline.p99}`);

const cataloguePaths = data.countyCodes.flatMap((lan) =>
  data.years.flatMap((ar) =>
    [1, 2].map((sida) => (sida === 1 ? `/projekt?lan=${lan}&ar=${ar}` : `/projekt?lan=${lan}&ar=${ar}&sida=${sida}`)),
  ),
);
const scenarios = {
  catalogue: { name: 'catalogue', paths: cataloguePaths },
  project: { name: 'project', paths: data.projectIds.map((id) => `/projekt/${id}`) },
  home: { name: 'home', paths: ['/'] },
};

let catalogueCachedRps = 0;
let maxPageKb = 0;
for (const cached of [true, false]) {
  const suffix = cached ? 'cached' : 'uncached';
  const app = startApp({ DATA_DIR: dataDir, PAGE_CACHE: String(cached) }, await freePort());
  try {
    await waitUntil(app, '/healthz', (r) => r.status === 200, performance.now());
    console.log(`\napp with PAGE_CACHE=${cached}:`);
    await warmUp(app.port, scenarios.catalogue, PAGE_SIZE);
    await warmUp(app.port, scenarios.project);
    await warmUp(app.port, scenarios.home);
    const rps = await load(app.port, { ...scenarios.catalogue, name: `catalogue_${suffix}` }, baseline.rps);
    if (cached) {
      catalogueCachedRps = rps;
      const ceiling = await replayLoad(app.port, { ...scenarios.catalogue, name: 'catalogue_replay' }, baseline.rps);
      console.log(
        `  catalogue_cached/catalogue_replay=${(rps / ceiling).toFixed(2)} (the app's share of what the load client takes of the same bytes)`,
      );
    }
    await load(app.port, { ...scenarios.project, name: `project_${suffix}` }, baseline.rps);
    await load(app.port, { ...scenarios.home, name: `home_${suffix}` }, baseline.rps);
    if (cached) {
      // What a browser gets: the page as the cache compressed it when storing it.
      await load(
        app.port,
        { ...scenarios.catalogue, name: 'catalogue_cached_br', headers: { 'accept-encoding': 'br, gzip' } },
        baseline.rps,
      );
      maxPageKb = await firstVisitBytes(app.port, data.pageTypes);
    }
  } finally {
    await app.stop();
  }
}

const coldStartMs = await coldStart({ DATA_DIR: dataDir });
console.log(`\ncold_start_ms=${coldStartMs} (existing bench/.data: open, migrate check, re-date demo calls, first page)`);
const emptyDir = mkdtempSync(join(tmpdir(), 'bidragsportalen-empty-'));
try {
  const emptyStartMs = await coldStart({ DATA_DIR: emptyDir });
  console.log(`empty_start_ms=${emptyStartMs} (empty data folder: create the database, migrate, seed the demo data, first page)`);
} finally {
  rmSync(emptyDir, { recursive: true, force: true });
}

console.log(
  `catalogue/hello ratio=${(catalogueCachedRps / baseline.rps).toFixed(2)} max_page_kb=${maxPageKb.toFixed(1)} cold_start_ms=${coldStartMs}`,
);
