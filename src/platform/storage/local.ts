import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { assertValidKey, type FileStorage, StoredFileNotFoundError } from './file-storage.ts';

/**
 * Files on the local disk under `root` (by default `<DATA_DIR>/files`): for development, demos and
 * single-server installations. Each key is a path below `root`.
 */
export function createLocalFileStorage(root: string): FileStorage {
  const pathOf = (key: string): string => {
    assertValidKey(key);
    return join(root, key);
  };

  return {
    async put(key, body) {
      const path = pathOf(key);
      const dir = dirname(path);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Written beside the target and renamed into place, so a reader or a crash never sees half a
      // file; the dot name cannot be a valid key (see assertValidKey).
      const temporary = join(dir, `.${randomBytes(8).toString('hex')}.partial`);
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await writeAll(handle, body);
        await handle.sync();
      } catch (err) {
        await handle.close();
        await rm(temporary, { force: true });
        throw err;
      }
      await handle.close();
      try {
        await rename(temporary, path);
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
      await syncDirectory(dir);
    },

    async get(key) {
      const path = pathOf(key);
      try {
        // Opened before returning so that a missing file rejects here rather than in the stream.
        const handle = await open(path, 'r');
        if (!(await handle.stat()).isFile()) {
          await handle.close();
          throw new StoredFileNotFoundError(key);
        }
        return handle.createReadStream();
      } catch (err) {
        if (isNotFound(err)) throw new StoredFileNotFoundError(key);
        throw err;
      }
    },

    async delete(key) {
      await rm(pathOf(key), { force: true });
    },

    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },
  };
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function writeAll(handle: FileHandle, body: Buffer | Readable): Promise<void> {
  if (Buffer.isBuffer(body)) {
    await writeFully(handle, body);
    return;
  }
  for await (const chunk of body) await writeFully(handle, Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
}

/** A single write may be short; the loop makes sure every byte reaches the file. */
async function writeFully(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset);
    offset += bytesWritten;
  }
}

/** Makes the rename itself durable: without it a power cut can lose a file the caller was told is stored. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isNotFound(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
