import type { FileStorage } from './file-storage.ts';
import { createLocalFileStorage } from './local.ts';
import { createS3FileStorage, type S3StorageConfig } from './s3.ts';

/** Which backend holds the files; mirrors the STORAGE setting. */
export type FileStorageConfig = { backend: 'local'; root: string } | ({ backend: 's3' } & S3StorageConfig);

/** The configured backend, so the rest of the service only ever sees `FileStorage`. */
export function createFileStorage(config: FileStorageConfig): FileStorage {
  switch (config.backend) {
    case 'local':
      return createLocalFileStorage(config.root);
    case 's3':
      return createS3FileStorage(config);
  }
}
