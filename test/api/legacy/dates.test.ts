import { describe, expect, it } from 'vitest';
import {
  InvalidParameterError,
  formatIsoDateTime,
  formatLegacyDate,
  formatLegacyDateTime,
  parseLegacyDate,
  toDate,
} from '../../../src/api/legacy/dates.js';

describe('parseLegacyDate', () => {
  it('reads YYYY-mm-ddTHHMMSS and YYYY-mm-dd as UTC', () => {
    expect(parseLegacyDate('2014-12-15T000000', 'start_date').toISOString()).toBe('2014-12-15T00:00:00.000Z');
    expect(parseLegacyDate('2014-12-15T193146', 'start_date').toISOString()).toBe('2014-12-15T19:31:46.000Z');
    expect(parseLegacyDate('2014-12-15', 'end_date').toISOString()).toBe('2014-12-15T00:00:00.000Z');
  });

  it('is as lenient as Python strptime about padding', () => {
    expect(parseLegacyDate('2014-1-5', 'end_date').toISOString()).toBe('2014-01-05T00:00:00.000Z');
    expect(parseLegacyDate('2014-12-15t010203', 'end_date').toISOString()).toBe('2014-12-15T01:02:03.000Z');
  });

  it.each(['2014-02-30', '2014-12-15T246000', '2014-12-15T000060', '2014-12-15x', '2014-12-15T00:00:00', '', 'Not a date'])(
    'rejects %j naming the parameter',
    (value) => {
      let error: unknown;
      try {
        parseLegacyDate(value, 'start_date');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).toBe('start_date');
      expect((error as InvalidParameterError).message).toContain('start_date');
      expect((error as InvalidParameterError).message).toContain('YYYY-mm-ddTHHMMSS');
      expect((error as InvalidParameterError).message).toContain('YYYY-mm-dd');
    },
  );
});

describe('store values and formats', () => {
  it('reads store text as UTC and keeps Date objects', () => {
    expect(toDate('2014-01-01 00:00:00').toISOString()).toBe('2014-01-01T00:00:00.000Z');
    expect(toDate('2014-12-10 19:31:46').toISOString()).toBe('2014-12-10T19:31:46.000Z');
    expect(toDate('2014-01-01').toISOString()).toBe('2014-01-01T00:00:00.000Z');
    const date = new Date(Date.UTC(2014, 0, 1));
    expect(toDate(date)).toBe(date);
    expect(() => toDate('yesterday')).toThrow();
  });

  it('formats legacy datetimes, dates and DRF ISO datetimes', () => {
    expect(formatLegacyDateTime(new Date(Date.UTC(2014, 11, 10, 19, 31, 46)))).toBe('2014-12-10T193146');
    expect(formatLegacyDateTime('2014-12-10 19:31:46')).toBe('2014-12-10T193146');
    expect(formatLegacyDate('2014-01-01 00:00:00')).toBe('2014-01-01');
    expect(formatLegacyDate(new Date(Date.UTC(2014, 0, 1)))).toBe('2014-01-01');
    expect(formatIsoDateTime('2014-01-01 00:00:00')).toBe('2014-01-01T00:00:00Z');
    expect(formatIsoDateTime(new Date(Date.UTC(2014, 0, 8)))).toBe('2014-01-08T00:00:00Z');
  });
});
