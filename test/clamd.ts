import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClamdScanner } from '../src/platform/storage/clamd.ts';

const CLAMD = '/usr/sbin/clamd';
const START_TIMEOUT_MS = 30_000;

/** The EICAR test file: harmless, and detected as a virus by every scanner that loads a signature for it. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

const SIGNATURE_NAME = 'Bidragsportalen.Test.EICAR';

/** A running test clamd and what a test needs to reach it. */
export interface TestClamd {
  host: string;
  port: number;
  /** The name clamd reports for EICAR: ours, marked by clamd as coming from an unofficial database. */
  eicarSignature: string;
  /** clamd's StreamMaxLength: a longer INSTREAM is refused. */
  streamMaxBytes: number;
  close(): Promise<void>;
}

/**
 * A real clamd (Debian's clamav-daemon) on a free local port, with a one-signature database that
 * detects EICAR, so it starts in about a second and needs no signature download.
 */
export async function startTestClamd(): Promise<TestClamd> {
  if (!existsSync(CLAMD)) {
    throw new Error(`${CLAMD} is missing: install it with "apt-get install -y --no-install-recommends clamav-daemon clamav"`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'bidragsportalen-clamd-'));
  try {
    await mkdir(join(dir, 'db'));
    await mkdir(join(dir, 'tmp'));
    // An .ndb body signature (name:target:offset:hex): any file type, anywhere in the file.
    await writeFile(join(dir, 'db', 'test.ndb'), `${SIGNATURE_NAME}:0:*:${Buffer.from(EICAR, 'latin1').toString('hex')}\n`);
    const streamMaxBytes = 25 * 1024 * 1024;
    // A port can be taken between finding it free and clamd binding it; then clamd exits and we retry.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const config = join(dir, `clamd-${port}.conf`);
      await writeFile(
        config,
        [
          'Foreground yes',
          `TCPSocket ${port}`,
          'TCPAddr 127.0.0.1',
          `DatabaseDirectory ${join(dir, 'db')}`,
          `TemporaryDirectory ${join(dir, 'tmp')}`,
          `StreamMaxLength ${streamMaxBytes / 1024 / 1024}M`,
          // No LocalSocket, PidFile, LogFile or User: nothing outside the temporary folder, and it
          // runs as whoever runs the tests.
          '',
        ].join('\n'),
      );
      const child = spawn(CLAMD, ['--config-file', config], { stdio: ['ignore', 'pipe', 'pipe'] });
      const output: string[] = [];
      child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
      child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
      const ready = await waitUntilAnswering(child, port);
      if (ready) {
        return {
          host: '127.0.0.1',
          port,
          eicarSignature: `${SIGNATURE_NAME}.UNOFFICIAL`,
          streamMaxBytes,
          async close() {
            await stop(child);
            await rm(dir, { recursive: true, force: true });
          },
        };
      }
      await stop(child);
      if (attempt === 3) throw new Error(`clamd did not start:\n${output.join('')}`);
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

async function waitUntilAnswering(child: ChildProcess, port: number): Promise<boolean> {
  const scanner = createClamdScanner({ host: '127.0.0.1', port, timeoutMs: 1000 });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    if (await scanner.ping()) return true;
    await sleep(50);
  }
  return false;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
