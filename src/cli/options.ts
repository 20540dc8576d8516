import { InvalidArgumentError } from 'commander';
import { isIsoDay, parseInterval, type DateInterval } from '../events/interval.js';

/** Option parsers: a bad value is rejected before any work starts. */
export function intervalOption(value: string): DateInterval {
  try {
    return parseInterval(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function wholeNumberOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return Number(value);
}

export function rateOption(value: string): number {
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new InvalidArgumentError(`"${value}" is not a rate between 0 and 1`);
  return rate;
}

export function dayOption(value: string): string {
  if (!isIsoDay(value)) throw new InvalidArgumentError(`"${value}" is not a date (YYYY-MM-DD)`);
  return value;
}
