import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStorage } from './file-storage.ts';

/** The upload limit for one file; `storageTexts(lang).tooLarge` states it to users. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The body grew past the limit; nothing was stored. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** What the caller records about a stored file. */
export interface StoredFile {
  /** Number of bytes stored. */
  size: number;
  /** SHA-256 of the stored bytes, hex: lets a later reader prove the file is the one received. */
  sha256: string;
}

/**
 * Stores `body` under `key` while counting and hashing it in the same pass, so an upload is read
 * once. Past `maxBytes` the upload is aborted with `FileTooLargeError` and, because
 * `FileStorage.put` is all or nothing, no partial object is left behind. On any failure a stream
 * body is destroyed, so the sender is not left waiting.
 */
export async function storeFile(
  storage: FileStorage,
  key: string,
  body: Buffer | Readable,
  { maxBytes = MAX_FILE_BYTES }: { maxBytes?: number } = {},
): Promise<StoredFile> {
  if (Buffer.isBuffer(body)) {
    if (body.length > maxBytes) throw new FileTooLargeError(maxBytes);
    await storage.put(key, body);
    return { size: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  }

  const hash = createHash('sha256');
  let size = 0;
  const measured = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(new FileTooLargeError(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const storing = storage.put(key, measured).catch((err: unknown) => {
    // A backend that fails before reading the body would otherwise leave the sender stalled;
    // closing (not failing) the stream ends the pipeline without a second error to report.
    measured.destroy();
    throw err;
  });
  // Both are awaited to the end: the backend's clean-up of a failed put must be finished before
  // the caller hears of the failure and perhaps retries under the same key.
  const [piped, stored] = await Promise.allSettled([pipeline(body, measured), storing]);
  if (piped.status === 'rejected' && piped.reason instanceof FileTooLargeError) throw piped.reason;
  if (stored.status === 'rejected') throw stored.reason;
  if (piped.status === 'rejected') throw piped.reason;
  return { size, sha256: hash.digest('hex') };
}
