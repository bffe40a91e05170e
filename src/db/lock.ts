import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dir} is in use by another process (pid ${pid}). PGlite allows one process per ` +
        'data folder: stop that process, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): { pid: number; host: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? '') } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the exclusive lock on a PGlite data folder. A lock left by a dead process (kill -9, power
 * cut) is taken over; a live owner makes this throw. The lock file is created by hard-linking a
 * private temp file, which is atomic: of two processes starting at once exactly one wins.
 */
export function lockDataDir(dir: string): { release: () => void } {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, '.lock');
  const tmp = join(dir, `.lock.${process.pid}.${Date.now()}`);
  writeFileSync(tmp, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, lockPath);
        return {
          release: () => {
            if (readOwner(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = readOwner(lockPath);
      if (owner && owner.pid !== process.pid && owner.host === hostname() && isAlive(owner.pid)) {
        throw new DataDirLockedError(dir, owner.pid);
      }
      // Stale: move it aside (atomic) so that only one contender removes it, then retry the link.
      try {
        renameSync(lockPath, `${lockPath}.stale.${process.pid}`);
        rmSync(`${lockPath}.stale.${process.pid}`, { force: true });
      } catch {
        // Another contender moved it first; retry.
      }
    }
    throw new Error(`Could not take the lock on ${dir}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}
