/** Where an effective setting came from; layers in rising precedence. */
export type SettingLayer = 'default' | 'file' | 'repo' | 'env' | 'flag';

export interface SettingOrigin {
  readonly layer: SettingLayer;
  /** How `config show` names it: `default`, `file /etc/lantern.cfg`, `repo URL:PATH@REF`, `env LANTERN_X`, `flag --x`. */
  readonly label: string;
  /** Where inside a file, for messages: `[engine] threads (line 4)`. */
  readonly detail?: string;
  /** Precedence: a higher rank overrides a lower one; of two config files, the later ranks higher. */
  readonly rank: number;
}

export const DEFAULT_ORIGIN: SettingOrigin = { layer: 'default', label: 'default', rank: 0 };

/** The origin with its detail, for error messages: `file /etc/lantern.cfg, [engine] threads (line 4)`. */
export function describeOrigin(origin: SettingOrigin): string {
  return origin.detail ? `${origin.label}, ${origin.detail}` : origin.label;
}
