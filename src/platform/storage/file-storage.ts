import type { Readable } from 'node:stream';

/**
 * Where uploaded files live: the same contract for the local disk and for S3, so the code that
 * receives, scans and serves files does not know which one is configured.
 */
export interface FileStorage {
  /**
   * Stores `body` under `key`, replacing any object already there. All or nothing: if the body
   * stream fails (for example on a size limit), no object or partial object is left under `key`
   * and an earlier object under the same key is kept.
   */
  put(key: string, body: Buffer | Readable): Promise<void>;
  /** The object's bytes; rejects with `StoredFileNotFoundError` when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing one that is not there is not an error, so retries are safe. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

/** Thrown by `get` for a key with no object: a stored key the database still points to is gone. */
export class StoredFileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under key "${key}"`);
    this.name = 'StoredFileNotFoundError';
  }
}

/** Thrown for a key that could escape the storage root or mean different objects on different backends. */
export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key "${key}"`);
    this.name = 'InvalidStorageKeyError';
  }
}

const MAX_KEY_LENGTH = 1024;
// A segment may not start with a dot: that rules out "." and ".." and leaves dot-names free for the
// local backend's temporary files, which can then never collide with a stored object.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Keys are chosen by the caller (for example `applications/<uuid>/<uuid>`) and never by users, but
 * they become file paths on disk, so anything that could climb out of the root (`..`, a leading
 * `/`), name a hidden file or mean a different path on another system is refused.
 */
export function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || key.includes('..') || !key.split('/').every((s) => SEGMENT.test(s))) {
    throw new InvalidStorageKeyError(key);
  }
}
