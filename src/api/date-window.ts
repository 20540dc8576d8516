import { ApiError } from './errors.js';
import { InvalidParameterError, parseLegacyDate } from './legacy/dates.js';

/** `start_date` (included) and `end_date` (excluded); undefined when neither is given (the latest day only). */
export interface DateWindow {
  readonly start?: Date;
  readonly end?: Date;
}

export interface DateWindowQuery {
  readonly start_date?: string;
  readonly end_date?: string;
}

export function dateWindowOf(query: DateWindowQuery): DateWindow | undefined {
  if (query.start_date === undefined && query.end_date === undefined) return undefined;
  try {
    return {
      ...(query.start_date !== undefined ? { start: parseLegacyDate(query.start_date, 'start_date') } : {}),
      ...(query.end_date !== undefined ? { end: parseLegacyDate(query.end_date, 'end_date') } : {}),
    };
  } catch (error) {
    if (error instanceof InvalidParameterError) throw new ApiError('invalid_parameter', error.message);
    throw error;
  }
}

/** The day of a moment, as DATE columns compare (Django compared a DateField with the datetime's date). */
export function storeDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}
