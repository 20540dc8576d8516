import { Option, type Command } from 'commander';
import type { ConfigRepoRef } from '../config/config-repo.js';
import { loadSettings, type EffectiveSettings } from '../config/load-settings.js';
import { SettingsError } from '../config/settings-error.js';
import { SETTING_KEYS, settingDefinition, type SettingKey } from '../config/settings.js';
import { UsageError } from './exit-codes.js';

/** What withConfigOptions adds to a command's options; setting flags are keyed by commander's attribute names. */
export interface ConfigOptions {
  readonly config?: readonly string[];
  readonly configRepo?: string;
  readonly configPath?: string;
  readonly configRef?: string;
  readonly [settingFlag: string]: unknown;
}

function settingOption(key: SettingKey): Option {
  const definition = settingDefinition(key);
  // No commander default: defaults come from the settings table, so `config show` can say where a value came from.
  return new Option(definition.flag, `${definition.description} [${definition.env}]`);
}

/** Adds the config-file, config-repo and setting flags to a command. */
export function withConfigOptions(command: Command): Command {
  command
    .option('--config <file>', 'a config file (INI, as the legacy override.cfg); repeat to layer files, later ones win', collect)
    .option('--config-repo <url>', 'a git repository holding a config file (read with the system git)')
    .option('--config-path <path>', 'the config file inside --config-repo')
    .option('--config-ref <ref>', 'the branch, tag or commit of --config-repo to read (default: its default branch)');
  for (const key of SETTING_KEYS) command.addOption(settingOption(key));
  return command;
}

/** Loads the settings a command's options name: defaults < --config files < --config-repo < LANTERN_* < flags. */
export async function settingsFromOptions(options: ConfigOptions, env: NodeJS.ProcessEnv = process.env): Promise<EffectiveSettings> {
  const flags: Partial<Record<SettingKey, string>> = {};
  for (const key of SETTING_KEYS) {
    const value = options[settingOption(key).attributeName()];
    if (typeof value === 'string') flags[key] = value;
  }
  try {
    return await loadSettings({ flags, configFiles: options.config ?? [], configRepo: configRepoFrom(options), env });
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

function configRepoFrom(options: ConfigOptions): ConfigRepoRef | undefined {
  if (!options.configRepo) {
    if (options.configPath || options.configRef) throw new UsageError('--config-path and --config-ref need --config-repo');
    return undefined;
  }
  if (!options.configPath) throw new UsageError('--config-repo needs --config-path: the config file inside the repository');
  return { url: options.configRepo, path: options.configPath, ...(options.configRef ? { ref: options.configRef } : {}) };
}

function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}
