import type { IncomingMessage } from 'node:http';
import { jwtVerify, type CryptoKey } from 'jose';
import { ACCESS_TOKEN_AUDIENCE } from './provider-config.js';

/** Who calls an LMS API, from the claims of its access token. */
export interface ApiCaller {
  /** `service`: a client-credentials token; `user`: a token a user signed in for. */
  readonly kind: 'service' | 'user';
  readonly username: string;
  readonly administrator: boolean;
}

/**
 * The caller of a request bearing `Authorization: JWT <token>` (edx clients) or `Bearer <token>`, when the token is
 * an unexpired access token this LMS signed; undefined otherwise (the API answers 401).
 */
export async function apiCallerOf(request: IncomingMessage, verification: { publicKey: CryptoKey; issuer: string }): Promise<ApiCaller | undefined> {
  const match = /^(?:JWT|Bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  try {
    const { payload } = await jwtVerify(match[1]!, verification.publicKey, {
      issuer: verification.issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
      algorithms: ['RS256'],
      typ: 'at+jwt',
    });
    if (typeof payload['preferred_username'] !== 'string') return undefined;
    return {
      kind: payload['grant_type'] === 'client_credentials' ? 'service' : 'user',
      username: payload['preferred_username'],
      administrator: payload['administrator'] === true,
    };
  } catch {
    return undefined;
  }
}
