import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  /** The private JWK, for oidc-provider's `jwks`. */
  readonly privateJwk: JWK;
  /** Verifies the tokens this LMS signs. */
  readonly publicKey: CryptoKey;
}

/** A fresh RS256 key for one run of the development LMS: tokens do not outlive it. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  return { privateJwk, publicKey };
}
