import type { Command } from 'commander';
import path from 'node:path';
import { lanternPackage } from '../config/package-root.js';
import type { Settings } from '../config/settings.js';
import type { WebOptions } from '../web/build-web.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { EXIT, UsageError } from './exit-codes.js';

export function registerWeb(program: Command): void {
  withConfigOptions(
    program.command('web').description('serve the dashboard: LMS sign-in, per-course permissions, every Insights page, data from the data API'),
  )
    .addHelpText('after', '\nNeeds [edx-rest-api] url, client_id, client_secret (the service client), [web] client_id, client_secret (the sign-in client) and [web] data_api_key. See `lantern lms-setup`.')
    .action(async (flags: ConfigOptions) => {
      const settings = (await settingsFromOptions(flags)).values;
      // Loaded when served: the HTTP and sign-in stack is not needed by the other commands.
      const { buildWeb } = await import('../web/build-web.js');
      const app = await buildWeb({ ...webOptions(settings), logger: { level: process.env.LANTERN_LOG_LEVEL ?? 'info' } });
      try {
        await app.listen({ host: settings.webHost, port: settings.webPort });
      } catch (error) {
        throw new UsageError(`cannot listen on ${settings.webHost}:${settings.webPort}: ${(error as Error).message}`);
      }
      const stop = () =>
        void app.close().catch((error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exitCode = EXIT.failed;
        });
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<void>((resolve) => app.server.once('close', resolve));
    });
}

/** The dashboard's options from the settings; what is missing is named, all at once. */
export function webOptions(settings: Settings): Omit<WebOptions, 'logger'> {
  const lmsUrl = settings.lmsApiUrl;
  const signInUrl = settings.webSignIn === 'oidc' ? settings.webOidcIssuer : lmsUrl;
  const missing = [
    !lmsUrl && '[edx-rest-api] url',
    !settings.lmsApiClientId && '[edx-rest-api] client_id',
    !settings.lmsApiClientSecret && '[edx-rest-api] client_secret',
    !signInUrl && '[web] oidc_issuer',
    !settings.webClientId && '[web] client_id',
    !settings.webClientSecret && '[web] client_secret',
    !settings.webDataApiKey && '[web] data_api_key',
  ].filter((item): item is string => typeof item === 'string');
  if (missing.length > 0) throw new UsageError(`the dashboard needs ${missing.join(', ')} (see lantern lms-setup)`);
  const publicUrl = settings.webPublicUrl ?? `http://${settings.webHost}:${settings.webPort}`;
  if (publicUrl.startsWith('https:') && settings.webTrustProxy === false) {
    throw new UsageError('[web] public_url is https, so a TLS proxy serves the dashboard: [web] trust_proxy must name it, or the secure session cookie is never set');
  }
  return {
    publicUrl,
    signIn: {
      flavour: settings.webSignIn,
      url: signInUrl!,
      clientId: settings.webClientId!,
      clientSecret: settings.webClientSecret!,
      ...(settings.jwtJwksUrl ? { jwksUrl: settings.jwtJwksUrl } : {}),
    },
    lmsApi: { baseUrl: lmsUrl!, clientId: settings.lmsApiClientId!, clientSecret: settings.lmsApiClientSecret! },
    dataApi: { url: settings.webDataApiUrl, key: settings.webDataApiKey! },
    clientDir: path.join(lanternPackage().root, 'dist', 'web', 'client'),
    permissionsTtlMs: settings.webPermissionsSeconds * 1000,
    logoutOfLms: settings.webLogoutOfLms,
    trustProxy: settings.webTrustProxy,
    ...(settings.webSessionSecret ? { sessionSecret: settings.webSessionSecret } : {}),
  };
}
