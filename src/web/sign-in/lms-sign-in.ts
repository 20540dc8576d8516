import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';

/** Who signed in, from the LMS's claims. */
export interface SignedInUser {
  readonly username: string;
  readonly name: string;
  readonly email: string;
  /** LMS global staff or superuser: every course. */
  readonly globalStaff: boolean;
}

/** What a sign-in in progress keeps in the session until the LMS sends the browser back. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface SignInSettings {
  /** `edx`: edx-platform's OAuth2 (fixed endpoints, claims in the JWT access token); `oidc`: any OpenID Connect provider. */
  readonly flavour: 'edx' | 'oidc';
  /** edx: the LMS root; oidc: the issuer (discovery at `<issuer>/.well-known/openid-configuration`). */
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Where the provider sends the browser back: `<dashboard>/complete/edx-oauth2/`. */
  readonly redirectUri: string;
  /** edx: the LMS's key set (default `<LMS>/oauth2/jwks`). */
  readonly jwksUrl?: string;
  /** edx: the LMS's logout page (default `<LMS>/logout`). */
  readonly logoutUrl?: string;
}

/**
 * Sign-in through the LMS: authorization code with PKCE, state and nonce (openid-client). The tokens stay on the
 * server; the session keeps only the user and, for the LMS logout, the ID token.
 */
export class LmsSignIn {
  readonly #config: oidc.Configuration;
  readonly #settings: SignInSettings;
  readonly #keys: ReturnType<typeof createRemoteJWKSet> | undefined;

  private constructor(config: oidc.Configuration, settings: SignInSettings) {
    this.#config = config;
    this.#settings = settings;
    this.#keys = settings.flavour === 'edx' ? createRemoteJWKSet(new URL(this.#config.serverMetadata().jwks_uri!)) : undefined;
  }

  static async create(settings: SignInSettings): Promise<LmsSignIn> {
    const insecure = settings.url.startsWith('http://') ? [oidc.allowInsecureRequests] : [];
    if (settings.flavour === 'oidc') {
      const config = await oidc.discovery(new URL(settings.url), settings.clientId, settings.clientSecret, undefined, { execute: insecure });
      return new LmsSignIn(config, settings);
    }
    const lms = settings.url.replace(/\/+$/, '');
    const config = new oidc.Configuration(
      {
        issuer: `${lms}/oauth2`,
        authorization_endpoint: `${lms}/oauth2/authorize`,
        token_endpoint: `${lms}/oauth2/access_token`,
        jwks_uri: settings.jwksUrl ?? `${lms}/oauth2/jwks`,
        end_session_endpoint: settings.logoutUrl ?? `${lms}/logout`,
      },
      settings.clientId,
      settings.clientSecret,
    );
    for (const apply of insecure) apply(config);
    return new LmsSignIn(config, settings);
  }

  /** The provider's authorization URL and what to keep until the browser comes back. */
  async start(): Promise<{ url: URL; pending: PendingSignIn }> {
    const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(this.#config, {
      redirect_uri: this.#settings.redirectUri,
      scope: 'openid profile email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /** Exchanges the code the browser brought back (checking state, nonce and PKCE) and reads who signed in. */
  async complete(callbackUrl: URL, pending: PendingSignIn): Promise<{ user: SignedInUser }> {
    const tokens = await oidc.authorizationCodeGrant(
      this.#config,
      callbackUrl,
      { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: false },
      // edx-platform issues a JWT access token when asked.
      this.#settings.flavour === 'edx' ? { token_type: 'jwt' } : undefined,
    );
    const claims = this.#keys
      ? (await jwtVerify(tokens.access_token, this.#keys, {
          issuer: this.#config.serverMetadata().issuer,
          algorithms: ['RS256', 'RS512', 'ES256', 'EdDSA'],
          requiredClaims: ['exp'],
          clockTolerance: 30,
        })).payload
      : await this.#oidcClaims(tokens);
    return { user: userOf(claims) };
  }

  /** The ID token's claims (checked by openid-client), with the userinfo endpoint's when the provider has one. */
  async #oidcClaims(tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): Promise<JWTPayload> {
    const idClaims = tokens.claims();
    if (!this.#config.serverMetadata().userinfo_endpoint) {
      if (!idClaims) throw new Error('the provider sent no ID token and has no userinfo endpoint');
      return idClaims;
    }
    return { ...idClaims, ...(await oidc.fetchUserInfo(this.#config, tokens.access_token, idClaims?.sub ?? oidc.skipSubjectCheck)) };
  }

  /** The provider's logout URL that comes back to `returnTo` (no ID token in it: no token reaches the browser). */
  logoutUrl(returnTo: string): URL | undefined {
    if (!this.#config.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(this.#config, { post_logout_redirect_uri: returnTo });
  }
}

function userOf(claims: JWTPayload): SignedInUser {
  const username = claims['preferred_username'] ?? claims['username'];
  if (typeof username !== 'string' || username === '') throw new Error('the LMS did not say who signed in (no preferred_username claim)');
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    username,
    name: text(claims['name']),
    email: text(claims['email']),
    globalStaff: claims['administrator'] === true || claims['superuser'] === true,
  };
}
