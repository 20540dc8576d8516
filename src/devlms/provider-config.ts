import { randomBytes } from 'node:crypto';
import { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Accounts } from './accounts.js';
import { memoryAdapterFactory } from './memory-adapter.js';
import { errorPage, logoutPage, signedOutPage } from './pages.js';
import { accessTokenClaims, SCOPE_CLAIMS, serviceProfileClaims, userProfileClaims } from './token-claims.js';

/** Where the provider is mounted, as edx-platform's django-oauth-toolkit URLs are. */
export const OAUTH2_PREFIX = '/oauth2';

/** Provider routes below the prefix, named as edx-platform names them. */
export const OAUTH2_ROUTES = {
  authorization: '/authorize',
  token: '/access_token',
  jwks: '/jwks',
  end_session: '/logout',
  revocation: '/revoke_token',
} as const;

/** The interaction (sign-in) pages, below the prefix. */
export const INTERACTION_PATH = '/interaction';

/** The `aud` of every access token: edx devstack's `JWT_AUTH['JWT_AUDIENCE']`. */
export const ACCESS_TOKEN_AUDIENCE = 'lms-key';

/** Scopes an access token for the LMS APIs can hold (edx-platform's DOT scopes Lantern cares about). */
const API_SCOPES = 'read write profile email user_id';

const HOUR = 60 * 60;
const TWO_WEEKS = 14 * 24 * HOUR;

/** An OAuth2 application registered in the development LMS (edx: `create_dot_application`). */
export interface DevLmsClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris?: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
  readonly grantTypes: readonly ('authorization_code' | 'client_credentials' | 'refresh_token')[];
  /** Client credentials: the service user's name in the token (`preferred_username`); default the client id. */
  readonly serviceUsername?: string;
  /** Client credentials: whether the service user is LMS global staff (`administrator`, `superuser`); default false. */
  readonly serviceIsStaff?: boolean;
}

export interface ProviderSettings {
  readonly clients: readonly DevLmsClient[];
  readonly accounts: Accounts;
  readonly signingJwk: object;
  /** The resource indicator of the LMS APIs: every access token is a JWT for them. */
  readonly apiResource: string;
}

/** oidc-provider configured as edx-platform's OAuth2 provider: JWT access tokens, PKCE, trusted clients, edx claims. */
export function providerConfiguration(settings: ProviderSettings): Configuration {
  const { accounts, apiResource } = settings;
  return {
    adapter: memoryAdapterFactory(),
    clients: settings.clients.map(clientMetadata),
    jwks: { keys: [settings.signingJwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: SCOPE_CLAIMS,
    scopes: ['openid', 'offline_access', ...API_SCOPES.split(' ')],
    // edx-platform puts the profile in ID tokens too.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    routes: OAUTH2_ROUTES,
    interactions: { url: (_ctx, interaction) => `${OAUTH2_PREFIX}${INTERACTION_PATH}/${interaction.uid}` },
    findAccount: (_ctx, sub) => accounts.account(sub),
    extraTokenClaims: (_ctx, token) => {
      if (!('accountId' in token)) return { ...accessTokenClaims(serviceProfileClaims(accounts.serviceOf(token.clientId ?? '')), 'client_credentials', token.scope) };
      const user = accounts.bySub(token.accountId);
      return user ? { ...accessTokenClaims(userProfileClaims(user), 'authorization_code', token.scope) } : undefined;
    },
    // Django OAuth Toolkit gives every authorization-code client a refresh token, not only on offline_access.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: HOUR,
      ClientCredentials: HOUR,
      IdToken: HOUR,
      AuthorizationCode: 60,
      Interaction: HOUR,
      RefreshToken: TWO_WEEKS,
      Session: TWO_WEEKS,
      Grant: TWO_WEEKS,
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage({ ...out });
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      // Access tokens are for the LMS APIs, not for a userinfo endpoint; the ID token and the JWT hold the profile.
      userinfo: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== apiResource) throw new errors.InvalidTarget();
          return { scope: API_SCOPES, audience: ACCESS_TOKEN_AUDIENCE, accessTokenTTL: HOUR, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
  };
}

function clientMetadata(client: DevLmsClient): ClientMetadata {
  const interactive = client.grantTypes.includes('authorization_code');
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    grant_types: [...client.grantTypes],
    response_types: interactive ? ['code'] : [],
    redirect_uris: [...(client.redirectUris ?? [])],
    post_logout_redirect_uris: [...(client.postLogoutRedirectUris ?? [])],
    // Either way is accepted at the token endpoint (the secret in the body or HTTP Basic), as Django OAuth Toolkit does.
    token_endpoint_auth_method: 'client_secret_post',
  };
}
