import { describe, expect, it } from 'vitest';
import { normaliseLmsDatetime, normaliseLmsFlag } from '../../src/lms/lms-values.js';

describe('normaliseLmsDatetime', () => {
  it('writes MySQL datetime text, datetime(6) text and ISO text the same way', () => {
    expect(normaliseLmsDatetime('2014-08-22 20:36:43')).toBe('2014-08-22 20:36:43');
    expect(normaliseLmsDatetime('2017-01-31 00:05:00.000000')).toBe('2017-01-31 00:05:00');
    expect(normaliseLmsDatetime('2017-01-31T00:05:00')).toBe('2017-01-31 00:05:00');
    expect(normaliseLmsDatetime('2017-01-31T00:05:00Z')).toBe('2017-01-31 00:05:00');
  });

  it('keeps a fraction of a second to the microsecond, and only when there is one', () => {
    expect(normaliseLmsDatetime('2017-01-31 00:05:00.5')).toBe('2017-01-31 00:05:00.500000');
    expect(normaliseLmsDatetime('2017-01-31 00:05:00.123456')).toBe('2017-01-31 00:05:00.123456');
    expect(normaliseLmsDatetime('2017-01-31T00:05:00.1234567+00:00')).toBe('2017-01-31 00:05:00.123456');
  });

  it('converts text with a zone offset to UTC', () => {
    expect(normaliseLmsDatetime('2017-01-31T01:05:00+02:00')).toBe('2017-01-30 23:05:00');
    expect(normaliseLmsDatetime('2017-01-31 23:30:00.250-0130')).toBe('2017-02-01 01:00:00.250000');
  });

  it('reads a JS Date in UTC, whatever the machine zone', () => {
    expect(normaliseLmsDatetime(new Date(Date.UTC(2014, 6, 30, 23, 59, 59, 120)))).toBe('2014-07-30 23:59:59.120000');
  });

  it('reads a date without a time as midnight', () => {
    expect(normaliseLmsDatetime('2014-07-30')).toBe('2014-07-30 00:00:00');
  });

  it('gives null for NULL and for MySQL zero dates', () => {
    expect(normaliseLmsDatetime(null)).toBeNull();
    expect(normaliseLmsDatetime(undefined)).toBeNull();
    expect(normaliseLmsDatetime('0000-00-00 00:00:00')).toBeNull();
  });

  it('refuses what is not a datetime', () => {
    expect(() => normaliseLmsDatetime('yesterday')).toThrow(/"yesterday" is not a datetime/);
    expect(() => normaliseLmsDatetime(1406764800)).toThrow(/is not a datetime/);
  });
});

describe('normaliseLmsFlag', () => {
  it('gives 0 or 1 for what drivers return for a boolean column', () => {
    expect([1, 0, true, false, 1n, '1', '0', 'true', Buffer.from([1]), Buffer.from([0])].map(normaliseLmsFlag)).toEqual([1, 0, 1, 0, 1, 1, 0, 1, 1, 0]);
    expect(normaliseLmsFlag(null)).toBeNull();
  });

  it('refuses text that is not a boolean', () => {
    expect(() => normaliseLmsFlag('yes')).toThrow(/"yes" is not a boolean/);
  });
});
