import type { Account } from 'oidc-provider';
import type { DemoUser } from './demo-users.js';
import { userProfileClaims, type ServiceUser } from './token-claims.js';

/** Who can sign in (the demo users) and whom each client-credentials client acts as. */
export class Accounts {
  readonly #users: readonly DemoUser[];
  readonly #services: ReadonlyMap<string, ServiceUser>;

  constructor(users: readonly DemoUser[], services: ReadonlyMap<string, ServiceUser>) {
    this.#users = users;
    this.#services = services;
  }

  /** The user whose username or email and password match, else undefined. */
  signIn(login: string, password: string): DemoUser | undefined {
    const wanted = login.trim().toLowerCase();
    const user = this.#users.find((candidate) => candidate.username === wanted || candidate.email === wanted);
    return user && user.password === password ? user : undefined;
  }

  bySub(sub: string): DemoUser | undefined {
    return this.#users.find((user) => user.sub === sub);
  }

  byUsername(username: string): DemoUser | undefined {
    return this.#users.find((user) => user.username === username);
  }

  serviceOf(clientId: string): ServiceUser {
    return this.#services.get(clientId) ?? { username: clientId, administrator: false };
  }

  /** The oidc-provider account of a subject: every claim; the `claims` configuration keeps the granted ones. */
  account(sub: string): Account | undefined {
    const user = this.bySub(sub);
    if (!user) return undefined;
    return { accountId: sub, claims: () => ({ sub, ...userProfileClaims(user) }) };
  }
}
