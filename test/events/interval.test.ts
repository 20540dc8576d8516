import { describe, expect, it } from 'vitest';
import { daysOf, expandInterval, parseInterval } from '../../src/events/interval.js';

describe('intervals', () => {
  it('reads a half-open interval of days', () => {
    const interval = parseInterval('2014-07-30-2014-08-02');
    expect(interval).toEqual({ start: '2014-07-30', end: '2014-08-02' });
    expect(daysOf(interval)).toEqual(['2014-07-30', '2014-07-31', '2014-08-01']);
  });

  it('reads a single day as a one-day interval', () => {
    expect(parseInterval('2014-07-21')).toEqual({ start: '2014-07-21', end: '2014-07-22' });
  });

  it('widens an interval by the expansion window', () => {
    expect(expandInterval(parseInterval('2014-03-01-2014-03-02'), 2)).toEqual({ start: '2014-02-27', end: '2014-03-04' });
  });

  it.each(['2014-02-30-2014-03-01', '2014-08-01-2014-07-01', '2014-08-01-2014-08-01', 'yesterday', '2014/07/01-2014/07/02'])(
    'rejects %s with a message naming it',
    (text) => {
      expect(() => parseInterval(text)).toThrow(new RegExp(`invalid interval "${text.replaceAll('/', '\\/')}"`));
    },
  );
});
