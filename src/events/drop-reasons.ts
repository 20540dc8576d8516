/**
 * Every reason a tracking-log line does not become an event. Lines that are blank or `#` comments are skipped
 * silently; everything else that is not loaded is counted under one of these codes.
 */
export const DROP_REASONS = {
  invalid_json: 'the line holds no parseable JSON object (truncated, garbled or not JSON)',
  invalid_encoding: 'the line is not valid UTF-8',
  missing_time: 'the event has no time field',
  invalid_time: 'the event time is not an ISO 8601 timestamp',
  missing_event_type: 'the event has no event_type',
  duplicate: 'the same line was already read from another file or earlier in the same file',
} as const;

export type DropReason = keyof typeof DROP_REASONS;

/** The explanation shown next to a reason code. */
export function explainDropReason(code: string): string {
  return code in DROP_REASONS ? DROP_REASONS[code as DropReason] : 'unknown reason';
}
