import type { EffectiveSettings } from './load-settings.js';
import { SETTING_KEYS, displayValue, flagName, iniName, settingDefinition, type SettingKey } from './settings.js';

/** One setting as `lantern config show` prints it: secrets masked. */
export interface SettingRow {
  readonly key: SettingKey;
  /** `[engine] threads` */
  readonly ini: string;
  readonly env: string;
  readonly flag: string;
  /** The value, masked if secret; null when the setting is unset. */
  readonly value: string | null;
  /** What an unset value means. */
  readonly whenUnset?: string;
  /** `default`, `file /etc/lantern.cfg`, `repo URL:PATH@REF`, `env LANTERN_X` or `flag --x`. */
  readonly source: string;
}

/** Every setting, in table order, ready to print. */
export function describeSettings(settings: EffectiveSettings): SettingRow[] {
  return SETTING_KEYS.map((key) => {
    const definition = settingDefinition(key);
    const value = settings.values[key];
    return {
      key,
      ini: iniName(definition.ini),
      env: definition.env,
      flag: flagName(key),
      value: value === undefined ? null : displayValue(key, value),
      ...(definition.whenUnset ? { whenUnset: definition.whenUnset } : {}),
      source: settings.origins[key].label,
    };
  });
}
