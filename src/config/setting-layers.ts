import type { CfgDocument } from './cfg-file.js';
import type { SettingOrigin } from './setting-origin.js';
import { SETTING_KEYS, flagName, iniName, settingDefinition, type IniName, type SettingKey } from './settings.js';

/** One raw value for one setting, from one place. */
export interface Assignment {
  readonly key: SettingKey;
  readonly raw: string;
  readonly origin: SettingOrigin;
}

/** What one source of settings gives: values, things worth telling the user, and mistakes. */
export interface SettingsLayer {
  readonly assignments: readonly Assignment[];
  readonly notes: readonly string[];
  readonly problems: readonly string[];
}

interface IniBinding {
  readonly key: SettingKey;
  readonly name: IniName;
  readonly isAlias: boolean;
}

const BINDINGS: readonly IniBinding[] = SETTING_KEYS.flatMap((key) => {
  const definition = settingDefinition(key);
  return [
    { key, name: definition.ini, isAlias: false },
    ...(definition.iniAliases ?? []).map((name) => ({ key, name, isAlias: true })),
  ];
});

const LANTERN_SECTIONS = new Set(SETTING_KEYS.map((key) => settingDefinition(key).ini.section));

// Legacy sections Lantern reads a key or two from; their other keys configured the legacy pipeline, not Lantern.
const LEGACY_SECTIONS = new Set(BINDINGS.map((binding) => binding.name.section).filter((section) => !LANTERN_SECTIONS.has(section)));

/** The settings in a parsed config file; `source` names the file (or repo file) and its rank. */
export function cfgLayer(document: CfgDocument, source: Omit<SettingOrigin, 'detail'>): SettingsLayer {
  const assignments: (Assignment & { isAlias: boolean })[] = [];
  const problems: string[] = [];
  const ignoredSections: string[] = [];
  const ignoredKeys: string[] = [];
  for (const [section, entries] of document) {
    if (!LANTERN_SECTIONS.has(section) && !LEGACY_SECTIONS.has(section)) {
      ignoredSections.push(`[${section}]`);
      continue;
    }
    for (const [key, entry] of entries) {
      const binding = BINDINGS.find((candidate) => candidate.name.section === section && candidate.name.key === key);
      if (!binding) {
        if (LEGACY_SECTIONS.has(section)) ignoredKeys.push(iniName({ section, key }));
        else problems.push(`${source.label}, line ${entry.line}: unknown key "${key}" in [${section}] (known: ${knownKeys(section).join(', ')})`);
        continue;
      }
      if (entry.value === '') continue;
      const detail = `${iniName({ section, key })} (line ${entry.line})`;
      assignments.push({ key: binding.key, raw: entry.value, origin: { ...source, detail }, isAlias: binding.isAlias });
    }
  }
  const notes: string[] = [];
  if (ignoredSections.length > 0) notes.push(`${source.label}: ignored sections Lantern does not use: ${ignoredSections.join(', ')}`);
  if (ignoredKeys.length > 0) notes.push(`${source.label}: ignored legacy keys Lantern does not use: ${ignoredKeys.join(', ')}`);
  // Later assignments win, so a file's main name overrides its legacy alias whatever their order in the file.
  const ordered = [...assignments.filter((a) => a.isAlias), ...assignments.filter((a) => !a.isAlias)];
  return { assignments: ordered.map(({ isAlias: _isAlias, ...assignment }) => assignment), notes, problems };
}

/** The `LANTERN_*` variables that are set (an empty variable counts as unset). */
export function envLayer(env: Readonly<Record<string, string | undefined>>, rank: number): SettingsLayer {
  const assignments = SETTING_KEYS.flatMap((key): Assignment[] => {
    const name = settingDefinition(key).env;
    const raw = env[name];
    return raw === undefined || raw === '' ? [] : [{ key, raw, origin: { layer: 'env', label: `env ${name}`, rank } }];
  });
  return { assignments, notes: [], problems: [] };
}

/** Values given on the command line, by setting key. */
export function flagLayer(flags: Partial<Record<SettingKey, string>>, rank: number): SettingsLayer {
  const assignments = SETTING_KEYS.flatMap((key): Assignment[] => {
    const raw = flags[key];
    return raw === undefined ? [] : [{ key, raw, origin: { layer: 'flag', label: `flag ${flagName(key)}`, rank } }];
  });
  return { assignments, notes: [], problems: [] };
}

function knownKeys(section: string): string[] {
  return BINDINGS.filter((binding) => binding.name.section === section).map((binding) => binding.name.key);
}
