import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors, type Interaction } from 'oidc-provider';
import type { Accounts } from './accounts.js';
import { readForm, sendHtml } from './http-io.js';
import { errorPage, LOGIN_FAILED, loginPage } from './pages.js';
import { INTERACTION_PATH, OAUTH2_PREFIX } from './provider-config.js';

/**
 * The sign-in interaction: `GET …/interaction/UID` shows the login form (or grants consent at once: every
 * registered client is trusted, like edx's "skip authorization" applications), `POST …/interaction/UID/login`
 * checks the credentials.
 */
export async function handleInteraction(
  provider: Provider,
  accounts: Accounts,
  request: IncomingMessage,
  response: ServerResponse,
  action: 'show' | 'login',
): Promise<void> {
  let interaction: Interaction;
  try {
    interaction = await provider.interactionDetails(request, response);
  } catch (error) {
    if (!(error instanceof errors.SessionNotFound)) throw error;
    return sendHtml(response, 400, errorPage({ error: 'This sign-in has expired or was already used.', hint: 'Go back to the application and sign in again.' }));
  }
  const loginUrl = `${OAUTH2_PREFIX}${INTERACTION_PATH}/${interaction.uid}/login`;
  const clientName = String(interaction.params['client_id'] ?? 'An application');

  if (interaction.prompt.name === 'consent') return grantConsent(provider, interaction, request, response);
  if (action === 'show') return sendHtml(response, 200, loginPage({ action: loginUrl, clientName }));

  const form = await readForm(request);
  const username = form.get('username') ?? '';
  const user = accounts.signIn(username, form.get('password') ?? '');
  if (!user) return sendHtml(response, 200, loginPage({ action: loginUrl, clientName, username, error: LOGIN_FAILED }));
  await provider.interactionFinished(request, response, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
}

/** Grants whatever the client asked for, without a consent screen. */
async function grantConsent(provider: Provider, interaction: Interaction, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { details } = interaction.prompt;
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId: interaction.session?.accountId, clientId: String(interaction.params['client_id']) });
  const missingScope = details['missingOIDCScope'];
  const missingClaims = details['missingOIDCClaims'];
  const missingResourceScopes = details['missingResourceScopes'];
  if (Array.isArray(missingScope)) grant.addOIDCScope(missingScope.map(String));
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims.map(String));
  if (missingResourceScopes && typeof missingResourceScopes === 'object') {
    for (const [indicator, scopes] of Object.entries(missingResourceScopes)) {
      if (Array.isArray(scopes)) grant.addResourceScope(indicator, scopes.map(String));
    }
  }
  const grantId = await grant.save();
  await provider.interactionFinished(request, response, { consent: existing ? {} : { grantId } }, { mergeWithLastSubmission: true });
}
