import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, type TestContext, test } from 'node:test';
import { closeAfter } from '../../../test/cleanup.ts';
import { startTestS3 } from '../../../test/s3.ts';
import { createFileStorage } from './create-file-storage.ts';
import { assertValidKey, type FileStorage, InvalidStorageKeyError, StoredFileNotFoundError } from './file-storage.ts';
import { createLocalFileStorage } from './local.ts';
import { createS3FileStorage, objectUrl } from './s3.ts';

const KEY = 'applications/0b9e2c4e-3f55-4a8e-9d3c-6f1f0e1b7a21/5d0f7c2a-1b6e-4f0e-8a43-2f9d7d1c9e10';

async function temporaryFolder(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bidragsportalen-files-'));
  closeAfter(t, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Each backend with a way to list every file it has written, partial ones included. */
const backends: Record<'local' | 's3', (t: TestContext) => Promise<{ storage: FileStorage; filesOnDisk: () => string[] }>> = {
  async local(t) {
    const root = await temporaryFolder(t);
    return { storage: createLocalFileStorage(root), filesOnDisk: () => listFiles(root) };
  },
  async s3(t) {
    const s3 = await startTestS3();
    closeAfter(t, () => s3.close());
    return { storage: createS3FileStorage(s3.config), filesOnDisk: () => listFiles(s3.directory) };
  },
};

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

async function readAll(stream: Readable): Promise<Buffer> {
  return Buffer.concat(await stream.toArray());
}

/** A stream that yields `chunks` and then fails, like an upload cut off half-way. */
function failingStream(chunks: Buffer[]): Readable {
  return Readable.from(
    (async function* () {
      yield* chunks;
      throw new Error('connection lost');
    })(),
  );
}

for (const [name, open] of Object.entries(backends)) {
  describe(`${name} file storage`, () => {
    test('stores a buffer, reads it back, reports it and deletes it', async (t) => {
      const { storage } = await open(t);
      const body = Buffer.from('%PDF-1.7 innehåll');
      assert.equal(await storage.exists(KEY), false);
      await storage.put(KEY, body);
      assert.equal(await storage.exists(KEY), true);
      assert.deepEqual(await readAll(await storage.get(KEY)), body);
      await storage.delete(KEY);
      assert.equal(await storage.exists(KEY), false);
    });

    test('stores a stream body of several chunks byte for byte', async (t) => {
      const { storage } = await open(t);
      const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i));
      await storage.put(KEY, Readable.from(chunks));
      assert.deepEqual(await readAll(await storage.get(KEY)), Buffer.concat(chunks));
    });

    test('replaces the object when the same key is stored again', async (t) => {
      const { storage } = await open(t);
      await storage.put(KEY, Buffer.from('first'));
      await storage.put(KEY, Buffer.from('second'));
      assert.equal((await readAll(await storage.get(KEY))).toString(), 'second');
    });

    test('rejects reading a missing key with StoredFileNotFoundError', async (t) => {
      const { storage } = await open(t);
      await assert.rejects(storage.get(KEY), (err) => err instanceof StoredFileNotFoundError && err.key === KEY);
    });

    test('deleting a missing key succeeds, so deletes can be retried', async (t) => {
      const { storage } = await open(t);
      await storage.delete(KEY);
      await storage.put(KEY, Buffer.from('x'));
      await storage.delete(KEY);
      await storage.delete(KEY);
      assert.equal(await storage.exists(KEY), false);
    });

    test('a body that fails half-way leaves no partial object and keeps the earlier one', async (t) => {
      const { storage, filesOnDisk } = await open(t);
      await storage.put(KEY, Buffer.from('earlier'));
      const before = filesOnDisk();
      await assert.rejects(storage.put(KEY, failingStream([Buffer.alloc(100_000, 1)])), /connection lost/);
      assert.equal((await readAll(await storage.get(KEY))).toString(), 'earlier');
      assert.deepEqual(filesOnDisk(), before);

      const other = `${KEY}-other`;
      await assert.rejects(storage.put(other, failingStream([Buffer.alloc(100_000, 1)])), /connection lost/);
      assert.equal(await storage.exists(other), false);
      assert.deepEqual(filesOnDisk(), before);
    });

    test('refuses keys that could leave the storage root', async (t) => {
      const { storage } = await open(t);
      for (const key of ['../etc/passwd', '/etc/passwd', 'a/../b', 'a//b', '.hidden', 'a\\b', '']) {
        await assert.rejects(storage.put(key, Buffer.from('x')), InvalidStorageKeyError, key);
        await assert.rejects(storage.get(key), InvalidStorageKeyError, key);
        await assert.rejects(storage.exists(key), InvalidStorageKeyError, key);
        await assert.rejects(storage.delete(key), InvalidStorageKeyError, key);
      }
    });
  });
}

describe('storage keys', () => {
  test('accepts the path-like keys callers choose', () => {
    for (const key of [KEY, 'a', 'exports/2026/report-1.pdf', 'A_b-c.d']) assertValidKey(key);
  });

  test('refuses "..", a leading slash, hidden or empty segments and characters outside the safe set', () => {
    for (const key of ['..', 'a/..', 'a..b', '/a', 'a/', 'a//b', './a', 'a/.b', 'a b', 'å', 'a:b', 'a\0b', 'x'.repeat(1025)]) {
      assert.throws(() => assertValidKey(key), InvalidStorageKeyError, JSON.stringify(key));
    }
  });
});

describe('createFileStorage', () => {
  test('local keeps the files under the configured root', async (t) => {
    const root = await temporaryFolder(t);
    await createFileStorage({ backend: 'local', root }).put('a/b.pdf', Buffer.from('content'));
    assert.equal(readFileSync(join(root, 'a/b.pdf'), 'utf8'), 'content');
  });

  test('s3 puts the files in the configured bucket', async (t) => {
    const s3 = await startTestS3();
    closeAfter(t, () => s3.close());
    await createFileStorage({ backend: 's3', ...s3.config }).put('a/b.pdf', Buffer.from('content'));
    assert.equal(await createS3FileStorage(s3.config).exists('a/b.pdf'), true);
    assert.ok(existsSync(join(s3.directory, s3.config.bucket)));
  });
});

describe('s3 file storage against the service', () => {
  test('reports the service error code when the credentials are wrong', async (t) => {
    const s3 = await startTestS3();
    closeAfter(t, () => s3.close());
    const storage = createS3FileStorage({ ...s3.config, accessKeyId: 'UNKNOWN' });
    await assert.rejects(storage.put(KEY, Buffer.from('x')), /HTTP 403 \(InvalidAccessKeyId\)/);
    assert.equal(await createS3FileStorage(s3.config).exists(KEY), false);
  });

  test('reports a missing bucket by its S3 error code', async (t) => {
    const s3 = await startTestS3();
    closeAfter(t, () => s3.close());
    await assert.rejects(createS3FileStorage({ ...s3.config, bucket: 'no-such-bucket' }).put(KEY, Buffer.from('x')), /NoSuchBucket/);
  });

  test('builds path-style and virtual-host-style object URLs', () => {
    const endpoint = 'https://s3.eu-north-1.amazonaws.com';
    assert.equal(objectUrl({ endpoint, bucket: 'files', forcePathStyle: true }, 'a/b'), 'https://s3.eu-north-1.amazonaws.com/files/a/b');
    assert.equal(objectUrl({ endpoint, bucket: 'files', forcePathStyle: false }, 'a/b'), 'https://files.s3.eu-north-1.amazonaws.com/a/b');
    assert.equal(
      objectUrl({ endpoint: 'https://minio.example.se:9000/s3/', bucket: 'files', forcePathStyle: true }, 'a'),
      'https://minio.example.se:9000/s3/files/a',
    );
  });
});
