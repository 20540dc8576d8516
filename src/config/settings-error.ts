/** A setting the user wrote is wrong or unreadable; the message names where it was written and the bad value. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';

  /** One error for several problems, so a config with three typos needs one round trip, not three. */
  static of(problems: readonly string[]): SettingsError {
    return new SettingsError(problems.length === 1 ? problems[0]! : `${problems.length} problems in the settings:\n  ${problems.join('\n  ')}`);
  }
}
