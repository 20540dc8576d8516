import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { findApiKey } from '../../store/api-keys.js';
import type { ReportsStore } from '../../store/reports-store.js';
import { ApiError } from '../errors.js';
import { Principal } from './principal.js';
import { TtlCache } from './ttl-cache.js';

export interface JwtSettings {
  /** The LMS's JSON Web Key Set, e.g. https://lms.example.com/api/jwks/ (or the keys themselves, for tests). */
  readonly jwks: string | JWTVerifyGetKey;
  /** The issuer tokens must name (edx-platform: `<LMS>/oauth2`); required, so that another issuer's tokens fail. */
  readonly issuer: string;
  readonly audience?: string;
  /** The courses a user is on the team of (the LMS course_ids API); absent: JWT users who are not LMS staff read nothing. */
  readonly staffCourses?: (username: string) => Promise<string[]>;
}

export interface AuthenticatorSettings {
  readonly store: ReportsStore;
  readonly jwt?: JwtSettings;
  /** How long a key lookup is kept (default 10 s): a deleted key stops working within this time. */
  readonly keyCacheMs?: number;
  /** How long a user's course team list is kept (default 15 min, as Insights). */
  readonly permissionsCacheMs?: number;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

const NO_CREDENTIALS = 'Authentication credentials were not provided: send "Authorization: Token <key>" or "Authorization: JWT <token>".';

/**
 * `Authorization: Token <key>` (keys set with `lantern api-key set`) or `JWT <token>` / `Bearer <token>` (an access
 * token the LMS signed). LMS global staff and superusers read every course; other LMS users read the courses
 * whose team they are on.
 */
export function createAuthenticator(settings: AuthenticatorSettings): Authenticate {
  // Only keys that exist are kept: a flood of wrong keys cannot push the right ones out.
  const keys = new TtlCache<Principal>(settings.keyCacheMs ?? 10_000);
  const teams = new TtlCache<string[]>(settings.permissionsCacheMs ?? 15 * 60_000);
  const jwt = settings.jwt;
  const keySet = jwt && (typeof jwt.jwks === 'string' ? createRemoteJWKSet(new URL(jwt.jwks)) : jwt.jwks);

  async function byKey(key: string): Promise<Principal> {
    const cached = keys.get(key);
    if (cached) return cached;
    const owner = await findApiKey(settings.store, key);
    if (!owner) throw new ApiError('invalid_credentials', 'Invalid token.');
    const principal = Principal.limited(owner.username, owner.courses, owner.orgs);
    keys.set(key, principal);
    return principal;
  }

  async function byJwt(token: string): Promise<Principal> {
    if (!jwt || !keySet) throw new ApiError('invalid_credentials', 'JWT sign-in is not configured on this server ([api] jwt_jwks_url).');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, keySet, {
        issuer: jwt.issuer,
        audience: jwt.audience,
        algorithms: ['RS256', 'RS512', 'ES256', 'EdDSA'],
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new ApiError('invalid_credentials', `Invalid JWT: ${(error as Error).message}`);
    }
    const username = claims['preferred_username'] ?? claims['username'];
    if (typeof username !== 'string' || username === '') throw new ApiError('invalid_credentials', 'Invalid JWT: it names no user (preferred_username).');
    // edx-platform marks tokens of restricted applications (limited to some orgs' content); they are not for this API.
    if (claims['is_restricted'] === true) throw new ApiError('invalid_credentials', 'Invalid JWT: tokens of restricted applications are not accepted.');
    if (claims['administrator'] === true || claims['superuser'] === true) return Principal.unlimited(username);
    const courses = jwt.staffCourses ? await teams.getOrLoad(username, () => staffCoursesOf(jwt.staffCourses!, username)) : [];
    return Principal.limited(username, courses, null);
  }

  async function staffCoursesOf(lookup: (username: string) => Promise<string[]>, username: string): Promise<string[]> {
    try {
      return await lookup(username);
    } catch (error) {
      throw new ApiError('unavailable', `Cannot retrieve the course permissions of ${username} from the LMS: ${(error as Error).message}`);
    }
  }

  return async (authorization) => {
    const match = /^(Token|JWT|Bearer)\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw new ApiError('authentication_required', NO_CREDENTIALS);
    return match[1]!.toLowerCase() === 'token' ? byKey(match[2]!) : byJwt(match[2]!);
  };
}
