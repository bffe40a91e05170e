import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { type ClamdScanner, createClamdScanner } from './clamd.ts';
import { createFileStorage } from './create-file-storage.ts';
import type { FileStorage } from './file-storage.ts';

/** The file storage the settings name: `<DATA_DIR>/files` by default, an S3 bucket with STORAGE=s3. */
export function configuredFileStorage(config: Config): FileStorage {
  if (config.STORAGE === 'local') return createFileStorage({ backend: 'local', root: join(config.DATA_DIR, 'files') });
  return createFileStorage({
    backend: 's3',
    endpoint: config.S3_ENDPOINT ?? '',
    region: config.S3_REGION,
    bucket: config.S3_BUCKET ?? '',
    accessKeyId: config.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: config.S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

/** The virus scanner when CLAMD_HOST is set; without it files are stored unscanned and marked so. */
export function configuredScanner(config: Config): ClamdScanner | null {
  return config.CLAMD_HOST ? createClamdScanner({ host: config.CLAMD_HOST, port: config.CLAMD_PORT }) : null;
}
