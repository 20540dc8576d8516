import type { Command } from 'commander';
import { maskUrl } from '../config/database-url.js';
import { effectiveDatabase, type DatabaseRole, type EffectiveDatabase } from '../config/database-targets.js';
import { describeSettings, type SettingRow } from '../config/describe-settings.js';
import type { EffectiveSettings } from '../config/load-settings.js';
import { SETTING_KEYS, displayValue, flagName, iniName, settingDefinition } from '../config/settings.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { EXIT } from './exit-codes.js';

interface ShowFlags extends ConfigOptions {
  readonly json?: boolean;
}

type DatabaseReport = { readonly url: string; readonly origin: string } | { readonly error: string } | null;

const ROLE_NAMES: Record<DatabaseRole, string> = { store: 'reports store', lms: 'LMS database' };

export function registerConfig(program: Command): void {
  const config = program.command('config').description('Lantern settings: what is in effect and where each value came from');
  withConfigOptions(
    config
      .command('show')
      .description('print the effective settings, each with its source (secrets masked)')
      .option('--json', 'print them as JSON'),
  )
    .addHelpText('after', settingsHelp())
    .action(async (flags: ShowFlags) => {
      const settings = await settingsFromOptions(flags);
      const rows = describeSettings(settings);
      const databases = { store: await databaseReport(settings, 'store'), lms: await databaseReport(settings, 'lms') };
      if (Object.values(databases).some((database) => database !== null && 'error' in database)) process.exitCode = EXIT.failed;
      console.log(flags.json ? JSON.stringify({ settings: rows, databases, notes: settings.notes }, null, 2) : describeShow(rows, databases, settings.notes));
    });
}

// A database that cannot be resolved (unreadable credentials) is shown as such, so the rest of the report still helps.
async function databaseReport(settings: EffectiveSettings, role: DatabaseRole): Promise<DatabaseReport> {
  try {
    const database: EffectiveDatabase | undefined = await effectiveDatabase(settings, role);
    return database ? { url: maskUrl(database.url), origin: database.origin } : null;
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function describeShow(rows: readonly SettingRow[], databases: Record<DatabaseRole, DatabaseReport>, notes: readonly string[]): string {
  const values = rows.map((row) => row.value ?? `(not set: ${row.whenUnset ?? 'none'})`);
  const nameWidth = Math.max(...rows.map((row) => row.ini.length));
  const valueWidth = Math.max(...values.map((value) => value.length));
  const lines = ['Settings (lowest to highest precedence: default < file < repo < env < flag):'];
  rows.forEach((row, index) => lines.push(`  ${row.ini.padEnd(nameWidth)}  ${values[index]!.padEnd(valueWidth)}  ${row.source}`));
  lines.push('', 'Databases:');
  for (const role of ['store', 'lms'] as const) {
    const database = databases[role];
    const shown = database === null ? '(not set)' : 'error' in database ? `cannot be resolved: ${database.error}` : `${database.url}  from ${database.origin}`;
    lines.push(`  ${ROLE_NAMES[role].padEnd(14)}  ${shown}`);
  }
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((note) => `  ${note}`));
  return lines.join('\n');
}

function settingsHelp(): string {
  const lines = [
    '',
    'Each setting comes from the first of these that sets it: a flag, a LANTERN_* variable, the --config-repo file,',
    'the last --config file that has it, the default. Config files use the legacy override.cfg syntax; sections',
    'Lantern does not use ([hive], [map-reduce]…) are ignored, an unknown key in a Lantern section is an error.',
    'A store or LMS may be given as a credentials JSON file {host, port, username, password} (a path or s3://),',
    'as the legacy pipeline did, instead of a URL.',
    '',
    'Settings ([section] key, variable, flag, default):',
  ];
  for (const key of SETTING_KEYS) {
    const definition = settingDefinition(key);
    const fallback = definition.defaultText ?? (definition.default === undefined ? definition.whenUnset : displayValue(key, definition.default));
    lines.push(`  ${iniName(definition.ini).padEnd(32)} ${definition.env.padEnd(28)} ${flagName(key).padEnd(22)} ${fallback ?? ''}`);
  }
  return lines.join('\n');
}
