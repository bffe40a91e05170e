import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { assertValidKey, type FileStorage, StoredFileNotFoundError } from './file-storage.ts';

/** An S3-compatible bucket: AWS, or a Swedish provider's or an on-premises S3 service. */
export interface S3StorageConfig {
  /** Base URL of the service, for example `https://s3.eu-north-1.amazonaws.com`. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /**
   * `true` puts the bucket in the path (`https://host/bucket/key`), which most non-AWS services and
   * local test servers need; `false` puts it in the host name (`https://bucket.host/key`), as AWS prefers.
   */
  forcePathStyle: boolean;
  /** How long one request may wait for the service's answer (default 30 seconds). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Files as objects in an S3 bucket, for installations with more than one server. Requests are
 * signed with AWS Signature V4 by aws4fetch over the built-in fetch, which keeps the AWS SDK out.
 */
export function createS3FileStorage(config: S3StorageConfig): FileStorage {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: 's3',
    region: config.region,
    // aws4fetch retries 5xx and 429 with backoff; ten attempts (its default) would hold a user's
    // upload for most of a minute, so give up sooner and let the caller report the failure.
    retries: 2,
  });
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    async put(key, body) {
      const url = objectUrl(config, key);
      // S3's PutObject needs the length before the first byte, so a stream is read to its end
      // first. Files are small (the upload limit is 20 MB), and a stream that fails on the way,
      // for example on that limit, never reaches the bucket at all.
      const bytes = Buffer.isBuffer(body) ? body : await readToEnd(body);
      const response = await client.fetch(url, {
        method: 'PUT',
        body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        headers: {
          'content-type': 'application/octet-stream',
          // Signing the real digest makes the service reject a body damaged on the way.
          'x-amz-content-sha256': createHash('sha256').update(bytes).digest('hex'),
        },
        signal: AbortSignal.timeout(timeoutMs),
      });
      await expectSuccess(response, 'PUT', key);
    },

    async get(key) {
      const url = objectUrl(config, key);
      // The timeout covers waiting for the answer only: the body is then streamed at the pace of
      // whoever reads it, which may be a slow download.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error(`S3 GET ${key} timed out after ${timeoutMs} ms`)), timeoutMs);
      let response: Response;
      try {
        response = await client.fetch(url, { signal: controller.signal });
      } finally {
        clearTimeout(timer);
      }
      if (response.status === 404) {
        await response.body?.cancel();
        throw new StoredFileNotFoundError(key);
      }
      await expectSuccess(response, 'GET', key, { keepBody: true });
      if (!response.body) return Readable.from([]);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },

    async delete(key) {
      const response = await client.fetch(objectUrl(config, key), { method: 'DELETE', signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 404) {
        await response.body?.cancel();
        return;
      }
      await expectSuccess(response, 'DELETE', key);
    },

    async exists(key) {
      const response = await client.fetch(objectUrl(config, key), { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 404) {
        await response.body?.cancel();
        return false;
      }
      await expectSuccess(response, 'HEAD', key);
      return true;
    },
  };
}

/**
 * The object's URL in path or virtual-host style. Valid keys hold only characters that need no
 * percent-encoding, so the key goes into the path as it is and is signed exactly as sent.
 */
export function objectUrl(config: Pick<S3StorageConfig, 'endpoint' | 'bucket' | 'forcePathStyle'>, key: string): string {
  assertValidKey(key);
  const base = new URL(config.endpoint);
  const prefix = base.pathname.replace(/\/+$/, '');
  if (config.forcePathStyle) {
    base.pathname = `${prefix}/${config.bucket}/${key}`;
  } else {
    base.hostname = `${config.bucket}.${base.hostname}`;
    base.pathname = `${prefix}/${key}`;
  }
  return base.toString();
}

async function readToEnd(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Turns a failed answer into an error naming S3's own error code (e.g. `NoSuchBucket`, `AccessDenied`). */
async function expectSuccess(response: Response, method: string, key: string, { keepBody = false } = {}): Promise<void> {
  if (response.ok) {
    if (!keepBody) await response.body?.cancel();
    return;
  }
  const text = await response.text();
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  throw new Error(`S3 ${method} ${key} failed with HTTP ${response.status}${code ? ` (${code})` : ''}`);
}
