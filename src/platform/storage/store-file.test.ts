import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, type TestContext, test } from 'node:test';
import { closeAfter } from '../../../test/cleanup.ts';
import { startTestS3 } from '../../../test/s3.ts';
import type { FileStorage } from './file-storage.ts';
import { createLocalFileStorage } from './local.ts';
import { createS3FileStorage } from './s3.ts';
import { FileTooLargeError, MAX_FILE_BYTES, storeFile } from './store-file.ts';
import { storageTexts } from './texts.ts';

const KEY = 'applications/a/b';

async function temporaryFolder(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bidragsportalen-store-'));
  closeAfter(t, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

const backends: Record<'local' | 's3', (t: TestContext) => Promise<{ storage: FileStorage; folder: string }>> = {
  async local(t) {
    const folder = await temporaryFolder(t);
    return { storage: createLocalFileStorage(folder), folder };
  },
  async s3(t) {
    const s3 = await startTestS3();
    closeAfter(t, () => s3.close());
    return { storage: createS3FileStorage(s3.config), folder: s3.directory };
  },
};

const filesIn = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

function chunks(count: number, size: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.alloc(size, i + 1));
}

for (const [name, open] of Object.entries(backends)) {
  describe(`storeFile on ${name} storage`, () => {
    test('stores a stream and reports its size and SHA-256', async (t) => {
      const { storage } = await open(t);
      const parts = chunks(5, 100_000);
      const stored = await storeFile(storage, KEY, Readable.from(parts), { maxBytes: 500_000 });
      const whole = Buffer.concat(parts);
      assert.deepEqual(stored, { size: 500_000, sha256: createHash('sha256').update(whole).digest('hex') });
      assert.deepEqual(Buffer.concat(await (await storage.get(KEY)).toArray()), whole);
    });

    test('aborts a stream past the limit with FileTooLargeError and leaves nothing stored', async (t) => {
      const { storage, folder } = await open(t);
      const before = filesIn(folder).length;
      const source = Readable.from(chunks(6, 100_000));
      await assert.rejects(
        storeFile(storage, KEY, source, { maxBytes: 500_000 }),
        (err) => err instanceof FileTooLargeError && err.maxBytes === 500_000,
      );
      assert.equal(await storage.exists(KEY), false);
      assert.equal(filesIn(folder).length, before);
      assert.equal(source.destroyed, true);
    });

    test('aborting keeps an object already stored under the key', async (t) => {
      const { storage } = await open(t);
      await storeFile(storage, KEY, Buffer.from('earlier'));
      await assert.rejects(storeFile(storage, KEY, Readable.from(chunks(2, 1000)), { maxBytes: 1500 }), FileTooLargeError);
      assert.equal(Buffer.concat(await (await storage.get(KEY)).toArray()).toString(), 'earlier');
    });
  });
}

describe('storeFile', () => {
  test('accepts a file of exactly the limit', async (t) => {
    const storage = createLocalFileStorage(await temporaryFolder(t));
    const stored = await storeFile(storage, KEY, Readable.from(chunks(4, 256)), { maxBytes: 1024 });
    assert.equal(stored.size, 1024);
  });

  test('refuses a buffer past the limit without storing it', async (t) => {
    const folder = await temporaryFolder(t);
    const storage = createLocalFileStorage(folder);
    await assert.rejects(storeFile(storage, KEY, Buffer.alloc(11), { maxBytes: 10 }), FileTooLargeError);
    assert.equal(filesIn(folder).length, 0);
    const stored = await storeFile(storage, KEY, Buffer.from('abc'), { maxBytes: 10 });
    assert.deepEqual(stored, { size: 3, sha256: createHash('sha256').update('abc').digest('hex') });
  });

  test('uses the 20 MB limit the users are told about by default', async (t) => {
    assert.equal(MAX_FILE_BYTES, 20 * 1024 * 1024);
    assert.match(storageTexts('sv').tooLarge, /20 MB/);
    assert.match(storageTexts('en').tooLarge, /20 MB/);
    const storage = createLocalFileStorage(await temporaryFolder(t));
    await assert.rejects(storeFile(storage, KEY, Buffer.alloc(MAX_FILE_BYTES + 1)), FileTooLargeError);
  });

  test('a backend that fails before reading releases the sender', async (t) => {
    const folder = await temporaryFolder(t);
    const blocked = join(folder, 'not-a-folder');
    writeFileSync(blocked, '');
    const source = Readable.from(chunks(3, 1000));
    await assert.rejects(storeFile(createLocalFileStorage(blocked), KEY, source), /ENOTDIR|EEXIST/);
    assert.equal(source.destroyed, true);
  });

  test('a sender that fails is reported as such and stores nothing', async (t) => {
    const folder = await temporaryFolder(t);
    const source = Readable.from(
      (async function* () {
        yield Buffer.alloc(1000);
        throw new Error('client went away');
      })(),
    );
    await assert.rejects(storeFile(createLocalFileStorage(folder), KEY, source), /client went away/);
    assert.equal(filesIn(folder).length, 0);
  });
});
