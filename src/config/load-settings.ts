import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCfg } from './cfg-file.js';
import { readConfigFromRepo, type ConfigRepoRef } from './config-repo.js';
import { cfgLayer, envLayer, flagLayer, type Assignment, type SettingsLayer } from './setting-layers.js';
import { DEFAULT_ORIGIN, describeOrigin, type SettingOrigin } from './setting-origin.js';
import { SettingsError } from './settings-error.js';
import { SETTING_KEYS, displayValue, settingDefinition, type DefaultContext, type SettingKey, type Settings } from './settings.js';

export interface LoadSettingsInput {
  /** Command-line values by setting key, as typed. */
  readonly flags?: Partial<Record<SettingKey, string>>;
  /** Config files in order: a later file overrides an earlier one. */
  readonly configFiles?: readonly string[];
  readonly configRepo?: ConfigRepoRef;
  /** Where `LANTERN_*` variables are read from (usually process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The settings in effect, each with where it came from, and notes worth showing (ignored legacy sections…). */
export interface EffectiveSettings {
  readonly values: Settings;
  readonly origins: { readonly [K in SettingKey]: SettingOrigin };
  readonly notes: readonly string[];
}

/**
 * Layers the settings: defaults < config files (in order) < config repo < environment < flags. Every problem found
 * (unknown key, bad value, missing file) is reported at once, each naming where it was written.
 */
export async function loadSettings(input: LoadSettingsInput): Promise<EffectiveSettings> {
  const layers: SettingsLayer[] = [];
  let rank = DEFAULT_ORIGIN.rank;
  for (const file of input.configFiles ?? []) layers.push(await fileLayer(file, ++rank));
  const notes: string[] = [];
  if (input.configRepo) {
    const repoFile = await readConfigFromRepo(input.configRepo);
    notes.push(`${repoFile.label} was read at commit ${repoFile.commit}`);
    layers.push(documentLayer(repoFile.text, { layer: 'repo', label: repoFile.label, rank: ++rank }));
  }
  layers.push(envLayer(input.env, rank + 1), flagLayer(input.flags ?? {}, rank + 2));

  const winners = new Map<SettingKey, Assignment>();
  for (const assignment of layers.flatMap((layer) => layer.assignments)) winners.set(assignment.key, assignment);
  const problems = layers.flatMap((layer) => layer.problems);
  const values: Partial<Record<SettingKey, unknown>> = {};
  const origins: Partial<Record<SettingKey, SettingOrigin>> = {};
  for (const [key, assignment] of winners) {
    const parsed = settingDefinition(key).schema.safeParse(assignment.raw);
    if (parsed.success) {
      values[key] = parsed.data;
      origins[key] = assignment.origin;
    } else {
      const why = parsed.error.issues.map((issue) => issue.message).join('; ');
      problems.push(`${describeOrigin(assignment.origin)}: "${displayValue(key, assignment.raw)}" ${why}`);
    }
  }
  if (problems.length > 0) throw SettingsError.of(problems);
  applyDefaults(values, origins);
  return {
    values: values as Settings,
    origins: origins as EffectiveSettings['origins'],
    notes: [...layers.flatMap((layer) => layer.notes), ...notes],
  };
}

async function fileLayer(file: string, rank: number): Promise<SettingsLayer> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read: ${(error as Error).message}`;
    return { assignments: [], notes: [], problems: [`the config file ${absolute} ${reason}`] };
  }
  return documentLayer(text, { layer: 'file', label: `file ${absolute}`, rank });
}

function documentLayer(text: string, source: Omit<SettingOrigin, 'detail'>): SettingsLayer {
  try {
    return cfgLayer(parseCfg(text, source.label), source);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { assignments: [], notes: [], problems: [error.message] };
  }
}

function applyDefaults(values: Partial<Record<SettingKey, unknown>>, origins: Partial<Record<SettingKey, SettingOrigin>>): void {
  const unset = SETTING_KEYS.filter((key) => !(key in values));
  for (const key of unset) origins[key] = DEFAULT_ORIGIN;
  // Constant defaults first: computed ones (the store URL) read them.
  for (const key of unset) {
    const fallback = settingDefinition(key).default;
    if (typeof fallback !== 'function') values[key] = fallback;
  }
  const context: DefaultContext = { dataDir: values.dataDir as string };
  for (const key of unset) {
    const fallback = settingDefinition(key).default;
    if (typeof fallback === 'function') values[key] = (fallback as (context: DefaultContext) => unknown)(context);
  }
}
