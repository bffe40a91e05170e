import type { Config } from '../../config.ts';
import type { ProviderSettings } from './oidc.ts';
import type { LoginKind } from './policy.ts';

export class IdentityConfigurationError extends Error {}

/**
 * The configured provider for each kind of login, or null where the embedded local provider stands
 * in. In production every provider must be configured: a missing one is a start-up error, never a
 * silent test login.
 */
export function configuredProviders(config: Config): Record<LoginKind, ProviderSettings | null> {
  const read = (kind: LoginKind, issuer?: string, clientId?: string, clientSecret?: string): ProviderSettings | null => {
    if (issuer && clientId && clientSecret) return { issuer: new URL(issuer), clientId, clientSecret, recordedIssuer: issuer };
    if (config.NODE_ENV === 'production') {
      const prefix = kind === 'public' ? 'OIDC_PUBLIC' : 'OIDC_STAFF';
      throw new IdentityConfigurationError(
        `${prefix}_ISSUER, ${prefix}_CLIENT_ID and ${prefix}_CLIENT_SECRET are required in production (the local test login never runs there)`,
      );
    }
    return null;
  };
  return {
    public: read('public', config.OIDC_PUBLIC_ISSUER, config.OIDC_PUBLIC_CLIENT_ID, config.OIDC_PUBLIC_CLIENT_SECRET),
    staff: read('staff', config.OIDC_STAFF_ISSUER, config.OIDC_STAFF_CLIENT_ID, config.OIDC_STAFF_CLIENT_SECRET),
  };
}
