import { z } from 'zod';

// Every environment variable the service reads, parsed once. README "Configuration" documents each.
const flag = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((v) => v === 'true' || v === '1' || v === 'on');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('localhost'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    SEED_DEMO: flag.default(true),
    SESSION_SECRET: z.string().min(32).optional(),
    PAGE_CACHE: flag.default(true),
    PAGE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).default(5000),
    RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
    RATE_LIMIT_LOGIN_MAX: z.coerce.number().int().min(1).default(20),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    // Identity: the public e-ID broker and the staff SSO. Without them, outside production, the
    // embedded local identity provider is used.
    OIDC_PUBLIC_ISSUER: z.string().url().optional(),
    OIDC_PUBLIC_CLIENT_ID: z.string().optional(),
    OIDC_PUBLIC_CLIENT_SECRET: z.string().optional(),
    OIDC_STAFF_ISSUER: z.string().url().optional(),
    OIDC_STAFF_CLIENT_ID: z.string().optional(),
    OIDC_STAFF_CLIENT_SECRET: z.string().optional(),
    OIDC_STAFF_SUBJECT_CLAIM: z.string().default('sub'),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    SESSION_REUSE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    // Mail
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('Bidragsportalen <noreply@bidragsportalen.localhost>'),
    MAIL_CLAIM_LEASE_SECONDS: z.coerce.number().int().min(5).optional(),
    // Files
    STORAGE: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().default('eu-north-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: flag.default(true),
    CLAMD_HOST: z.string().optional(),
    CLAMD_PORT: z.coerce.number().int().default(3310),
    // Registry numbers are "<code>-<sequence>-<year>"; the code is the case-type code.
    REGISTRY_CASE_CODE: z
      .string()
      .regex(/^\d{3}$/)
      .default('851'),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && !c.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
    if (c.STORAGE === 's3') {
      for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when STORAGE=s3' });
      }
    }
  });

export type Config = z.infer<typeof schema> & { publicUrl: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  return { ...c, publicUrl: (c.PUBLIC_URL ?? `http://${host}:${c.PORT}`).replace(/\/$/, '') };
}
