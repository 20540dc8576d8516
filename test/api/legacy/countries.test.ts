import { describe, expect, it } from 'vitest';
import { aggregateLocations, countryOf } from '../../../src/api/legacy/countries.js';

const UNKNOWN = { alpha2: null, alpha3: null, name: 'UNKNOWN' };

describe('countryOf', () => {
  it('names countries as django-countries does', () => {
    expect(countryOf('US')).toEqual({ alpha2: 'US', alpha3: 'USA', name: 'United States of America' });
    expect(countryOf('CA')).toEqual({ alpha2: 'CA', alpha3: 'CAN', name: 'Canada' });
    expect(countryOf('GB')).toEqual({ alpha2: 'GB', alpha3: 'GBR', name: 'United Kingdom' });
    expect(countryOf('RU').name).toBe('Russia');
    expect(countryOf('CN').name).toBe('China');
    expect(countryOf('CI').name).toBe("Côte d'Ivoire");
    expect(countryOf('KR').name).toBe('South Korea');
  });

  it('normalises codes the way django-countries alpha2() does', () => {
    expect(countryOf('us')).toEqual(countryOf('US'));
    expect(countryOf('USA')).toEqual(countryOf('US'));
    expect(countryOf('840')).toEqual(countryOf('US'));
  });

  it.each([null, '', 'A1', 'A2', 'AP', 'EU', 'O1', 'UNKNOWN', 'XK', 'ZZ', ' US', 'garbage'])('makes %j UNKNOWN', (code) =>
    expect(countryOf(code)).toEqual(UNKNOWN),
  );
});

describe('aggregateLocations', () => {
  it('collapses unknown codes into one first row, then sorts by alpha-2', () => {
    const row = (country_code: string, count: number, created = '2014-12-10 19:31:46') => ({
      date: '2014-12-09',
      course_id: 'edX/DemoX/Demo_Course',
      country_code,
      count,
      created,
    });
    const rows = [
      row('US', 455),
      row('CA', 356),
      row('', 356),
      row('A1', 1),
      row('A2', 2, '2014-12-11 00:00:00'),
      row('AP', 1),
      row('EU', 4),
      row('O1', 7),
    ];
    expect(aggregateLocations(rows)).toEqual([
      { date: '2014-12-09', course_id: 'edX/DemoX/Demo_Course', country: UNKNOWN, count: 371, created: '2014-12-11T000000' },
      {
        date: '2014-12-09',
        course_id: 'edX/DemoX/Demo_Course',
        country: { alpha2: 'CA', alpha3: 'CAN', name: 'Canada' },
        count: 356,
        created: '2014-12-10T193146',
      },
      {
        date: '2014-12-09',
        course_id: 'edX/DemoX/Demo_Course',
        country: { alpha2: 'US', alpha3: 'USA', name: 'United States of America' },
        count: 455,
        created: '2014-12-10T193146',
      },
    ]);
  });

  it('merges codes that resolve to the same country and keeps dates and courses apart', () => {
    const created = new Date(Date.UTC(2014, 0, 2));
    const items = aggregateLocations([
      { date: '2014-01-02', course_id: 'b/b/b', country_code: 'us', count: 1, created },
      { date: '2014-01-01', course_id: 'b/b/b', country_code: 'US', count: 2, created },
      { date: '2014-01-01', course_id: 'a/a/a', country_code: 'USA', count: 3, created },
      { date: '2014-01-01', course_id: 'a/a/a', country_code: 'US', count: 4, created },
    ]);
    expect(items.map((item) => [item.date, item.course_id, item.country.alpha2, item.count])).toEqual([
      ['2014-01-01', 'a/a/a', 'US', 7],
      ['2014-01-01', 'b/b/b', 'US', 2],
      ['2014-01-02', 'b/b/b', 'US', 1],
    ]);
  });
});
