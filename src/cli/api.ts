import type { Command } from 'commander';
import { effectiveDatabases } from '../config/database-targets.js';
import type { Settings } from '../config/settings.js';
import { LmsApiClient } from '../lms/lms-api.js';
import { openReportFolder } from '../store/report-folder/report-folder.js';
import { openStore } from '../store/open-store.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { EXIT, UsageError } from './exit-codes.js';

export function registerApi(program: Command): void {
  withConfigOptions(
    program
      .command('api')
      .description('serve the reports store over REST, compatible with the edX Analytics Data API v0 (docs at /docs)'),
  )
    .addHelpText('after', '\nLogs are JSON lines (pino) on stdout. SIGINT or SIGTERM: finish the requests in flight, then exit 0.')
    .action(async (flags: ConfigOptions) => {
      const effective = await settingsFromOptions(flags);
      await serveApi(effective.values, (await effectiveDatabases(effective)).store.url);
    });
}

async function serveApi(settings: Settings, storeUrl: string): Promise<void> {
  // Loaded when served: the HTTP stack is not needed by the other commands.
  const { buildApi, DEFAULT_RESPONSE_CACHE } = await import('../api/build-api.js');
  const store = await openStore(storeUrl, { migrate: true });
  const s3 = settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {};
  const app = await buildApi({
    store,
    logger: { level: process.env.LANTERN_LOG_LEVEL ?? 'info' },
    rateLimit: settings.apiRateLimit,
    trustProxy: settings.apiTrustProxy,
    responseCache: settings.apiCacheSeconds > 0 && { ...DEFAULT_RESPONSE_CACHE, ttlMs: settings.apiCacheSeconds * 1000 },
    reportFolder: (location) => openReportFolder(location, s3),
    publicUrl: settings.apiPublicUrl,
    downloadSigningKey: settings.apiDownloadSigningKey,
    ...(settings.jwtJwksUrl ? { jwt: { jwks: settings.jwtJwksUrl, issuer: jwtIssuer(settings), audience: settings.jwtAudience, staffCourses: staffCourses(settings) } } : {}),
  });
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down: finishing the requests in flight');
    try {
      await app.close();
      await store.close();
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exitCode = EXIT.failed;
      app.server.close();
    }
  };
  try {
    await app.listen({ host: settings.apiHost, port: settings.apiPort });
  } catch (error) {
    await store.close();
    throw new UsageError(`cannot listen on ${settings.apiHost}:${settings.apiPort}: ${(error as Error).message}`);
  }
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await new Promise<void>((resolve) => app.server.once('close', resolve));
}

/** The issuer LMS tokens name: `[api] jwt_issuer`, else edx-platform's `<LMS>/oauth2`. */
function jwtIssuer(settings: Settings): string {
  const issuer = settings.jwtIssuer ?? (settings.lmsApiUrl ? `${settings.lmsApiUrl.replace(/\/+$/, '')}/oauth2` : undefined);
  if (!issuer) throw new UsageError('[api] jwt_jwks_url needs [api] jwt_issuer (or [edx-rest-api] url, whose /oauth2 is the issuer)');
  return issuer;
}

/** The LMS course_ids API as the source of course team rights; without the LMS API settings, none. */
function staffCourses(settings: Settings): ((username: string) => Promise<string[]>) | undefined {
  if (!settings.lmsApiUrl || !settings.lmsApiClientId || !settings.lmsApiClientSecret) return undefined;
  const client = new LmsApiClient({ baseUrl: settings.lmsApiUrl, clientId: settings.lmsApiClientId, clientSecret: settings.lmsApiClientSecret });
  return (username) => client.staffCourseIds(username);
}
