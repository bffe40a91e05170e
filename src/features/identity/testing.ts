import { seedPersonas } from '../../../seed/personas.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { freePort, type HttpSession, hiddenInput } from '../../../test/http-session.ts';

/**
 * The whole app listening on loopback with the local identity provider, for tests that log in
 * through the real protocol. Personas are seeded unless the demo seed already holds them.
 */
export async function startIdentityApp(env: Record<string, string> = {}): Promise<TestApp & { baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await buildTestApp({ seeded: true, env: { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: baseUrl, ...env } });
  const [row] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM persons');
  if (!row || row.n === 0) await t.database.db.transaction((tx) => seedPersonas(tx));
  await t.app.listen({ host: '127.0.0.1', port });
  return { ...t, baseUrl };
}

/** Logs in through the local provider's persona page, as a browser without JavaScript would. */
export async function logInAs(
  session: HttpSession,
  personaId: string,
  options: { staff?: boolean; returnTo?: string } = {},
): Promise<{ response: Response; url: string }> {
  const start = `/logga-in/${options.staff ? 'personal' : 'e-legitimation'}?tillbaka=${encodeURIComponent(options.returnTo ?? '/')}`;
  const choice = await session.get(start);
  const html = await choice.response.text();
  return session.post(new URL(choice.url).pathname, { _csrf: hiddenInput(html, '_csrf'), persona: personaId });
}
