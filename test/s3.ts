import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3StorageConfig } from '../src/platform/storage/s3.ts';

// s3rver ships no type declarations; this is the part of its API the tests use.
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer: Server;
}
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: never[] }[];
}) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

/** A running test S3 server and what a test needs to reach and inspect it. */
export interface TestS3 {
  /** Settings that reach the server, for `createS3FileStorage` or `createFileStorage`. */
  config: S3StorageConfig;
  /** The folder s3rver keeps objects in, to check what really landed in the bucket. */
  directory: string;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) in this process on a free port, with an empty bucket in a
 * fresh temporary folder. It knows one access key, S3RVER; it parses V4-signed requests but, unlike
 * a real service, does not verify the signature itself.
 */
export async function startTestS3(): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), 'bidragsportalen-s3-'));
  const bucket = 'test-files';
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  return {
    config: {
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    directory,
    async close() {
      // fetch keeps connections alive; without this, close waits for them to time out.
      server.httpServer.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
