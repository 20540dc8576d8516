import type { DemoUser } from './demo-users.js';

/** The user a client-credentials client acts as (edx-platform: the DOT application's user, e.g. `insights_worker`). */
export interface ServiceUser {
  readonly username: string;
  /** LMS global staff: the `administrator` and `superuser` claims. */
  readonly administrator: boolean;
}

/** The profile claims edx-platform puts in its JWTs (`profile`, `email` and `user_id` scopes). */
export interface EdxProfileClaims {
  preferred_username: string;
  email: string;
  email_verified: boolean;
  name: string;
  given_name: string;
  family_name: string;
  administrator: boolean;
  superuser: boolean;
  user_id?: number;
}

/** How the token was obtained; edx-platform JWTs carry it too. */
export type TokenGrant = 'authorization_code' | 'client_credentials';

/** The edx-platform JWT claims besides the profile: format version, scopes as a list, no restrictions. */
export interface EdxTokenClaims extends EdxProfileClaims {
  grant_type: TokenGrant;
  scopes: string[];
  version: string;
  filters: string[];
  is_restricted: boolean;
}

export const EDX_JWT_VERSION = '1.2.0';

/** Scope → claims, for ID tokens (oidc-provider `claims`). */
export const SCOPE_CLAIMS = {
  openid: ['sub'],
  profile: ['preferred_username', 'name', 'given_name', 'family_name', 'administrator', 'superuser'],
  email: ['email', 'email_verified'],
  user_id: ['user_id'],
};

export function userProfileClaims(user: DemoUser): EdxProfileClaims {
  return {
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
    name: user.name,
    given_name: user.givenName,
    family_name: user.familyName,
    administrator: user.isStaff,
    superuser: user.isSuperuser,
    user_id: user.id,
  };
}

export function serviceProfileClaims(service: ServiceUser): EdxProfileClaims {
  return {
    preferred_username: service.username,
    email: `${service.username}@example.com`,
    email_verified: true,
    name: service.username,
    given_name: '',
    family_name: '',
    administrator: service.administrator,
    superuser: service.administrator,
  };
}

/** Every access token carries the whole profile, whatever the scopes: Lantern reads it from the token. */
export function accessTokenClaims(profile: EdxProfileClaims, grant: TokenGrant, scope: string | undefined): EdxTokenClaims {
  return { ...profile, grant_type: grant, scopes: scope ? scope.split(' ') : [], version: EDX_JWT_VERSION, filters: [], is_restricted: false };
}
