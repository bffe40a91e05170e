import * as client from 'openid-client';
import { PERSONAL_IDENTITY_NUMBER_SCOPE } from '../local-idp/personas.ts';
import type { LoginKind } from './policy.ts';

export interface ProviderSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** What `persons.issuer` records: the issuer URL, or a fixed name for the local provider. */
  recordedIssuer: string;
}

/** What the app keeps in the session between sending the browser away and its return. */
export interface PendingLogin {
  kind: LoginKind;
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  /**
   * Set when the person must authenticate again even with a live session at the provider
   * (max_age=0), e.g. a signatory approving an application: the epoch second the login started.
   */
  freshSince?: number;
}

export const callbackPaths: Record<LoginKind, string> = {
  public: '/logga-in/retur/e-legitimation',
  staff: '/logga-in/retur/personal',
};

const scopes: Record<LoginKind, string> = {
  public: `openid profile ${PERSONAL_IDENTITY_NUMBER_SCOPE}`,
  staff: 'openid profile',
};

/**
 * The two OpenID Connect providers: the public e-ID broker and the staff SSO. Discovery runs on
 * first use (the local provider answers only once the app listens) and is retried after a failure.
 */
export class IdentityProviders {
  private readonly configurations = new Map<LoginKind, Promise<client.Configuration>>();

  constructor(
    readonly settings: Record<LoginKind, ProviderSettings>,
    private readonly publicUrl: string,
  ) {}

  private configuration(kind: LoginKind): Promise<client.Configuration> {
    let found = this.configurations.get(kind);
    if (!found) {
      const s = this.settings[kind];
      const insecure = s.issuer.protocol === 'http:';
      found = client.discovery(
        s.issuer,
        s.clientId,
        undefined,
        client.ClientSecretBasic(s.clientSecret),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      found.catch(() => this.configurations.delete(kind));
      this.configurations.set(kind, found);
    }
    return found;
  }

  redirectUri(kind: LoginKind): string {
    return `${this.publicUrl}${callbackPaths[kind]}`;
  }

  postLogoutRedirectUri(): string {
    return `${this.publicUrl}/utloggad`;
  }

  async startLogin(kind: LoginKind, returnTo: string, fresh?: { now: Date }): Promise<{ url: URL; pending: PendingLogin }> {
    const config = await this.configuration(kind);
    const pending: PendingLogin = {
      kind,
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
      ...(fresh ? { freshSince: Math.floor(fresh.now.getTime() / 1000) } : {}),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(kind),
      scope: scopes[kind],
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      ui_locales: 'sv',
      ...(fresh ? { max_age: '0' } : {}),
    });
    return { url, pending };
  }

  /** Exchanges the code (refused on a wrong state, nonce or verifier) and returns the claims. */
  async completeLogin(pending: PendingLogin, callbackUrl: URL): Promise<{ claims: Record<string, unknown>; idToken: string | null }> {
    const config = await this.configuration(pending.kind);
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
      ...(pending.freshSince !== undefined ? { maxAge: 0 } : {}),
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    // A fresh login must have happened after it was asked for, not be an older session reused.
    if (pending.freshSince !== undefined && !(typeof idClaims.auth_time === 'number' && idClaims.auth_time >= pending.freshSince - 5)) {
      throw new Error('the provider did not authenticate again');
    }
    let claims: Record<string, unknown> = { ...idClaims };
    if (config.serverMetadata().userinfo_endpoint) {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...userInfo, ...claims };
    }
    return { claims, idToken: tokens.id_token ?? null };
  }

  /** Where to send the browser to end the provider's session too, when the provider supports it. */
  async logoutUrl(kind: LoginKind, idToken: string | null): Promise<URL | null> {
    const config = await this.configuration(kind).catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.postLogoutRedirectUri(),
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }
}
