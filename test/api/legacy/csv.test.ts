import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from '../../../src/api/legacy/csv.js';

const DATA = [
  { string: 'ab,c', list: ['a', 'b', 'c'], dict: { a: 1, b: 2, c: 3 } },
  { string: 'def', string2: 'ghi', list: ['d', 'e', 'f', 'g'], dict: { d: 4, b: 5, c: 6 } },
];

describe('toCsv (PaginatedCsvRenderer)', () => {
  it('flattens, sorts headers and quotes like the legacy renderer', () => {
    const expected = 'dict.a,dict.b,dict.c,dict.d,list,string,string2\r\n1,2,3,,"a, b, c","ab,c",\r\n,5,6,4,"d, e, f, g",def,ghi\r\n';
    expect(toCsv(DATA)).toBe(expected);
    expect(toCsv({ count: 2, results: DATA })).toBe(expected);
  });

  it('orders headers by fields, dropping unknown names', () => {
    expect(toCsv(DATA, 'string2,invalid,dict.b,list,dict.a,string'.split(','))).toBe(
      'string2,dict.b,list,dict.a,string\r\n,2,"a, b, c",1,"ab,c"\r\nghi,5,"d, e, f, g",,def\r\n',
    );
  });

  it('falls back to every header when no field is known', () => {
    expect(toCsv([{ b: 1, a: 2 }], ['nope'])).toBe('a,b\r\n2,1\r\n');
  });

  it('writes Python values: None empty, booleans True/False, quotes doubled, line breaks quoted', () => {
    expect(toCsv([{ a: null, b: true, c: false, d: 'say "hi"', e: 'two\nlines', f: undefined, g: 1.5 }])).toBe(
      'a,b,c,d,e,f,g\r\n,True,False,"say ""hi""","two\nlines",,1.5\r\n',
    );
  });

  it('flattens nested objects to dotted headers', () => {
    const item = { country: { alpha2: null, alpha3: null, name: 'UNKNOWN' }, enrollment_modes: { audit: { count: 3 } } };
    expect(toCsv([item])).toBe('country.alpha2,country.alpha3,country.name,enrollment_modes.audit.count\r\n,,UNKNOWN,3\r\n');
  });

  it('renders nothing for no rows, and for an object that is not a page', () => {
    expect(toCsv([])).toBe('');
    expect(toCsv({ results: [] })).toBe('');
    expect(toCsv({ course_id: 'x', count: 1 })).toBe('');
  });

  it('quotes a lone empty field so that the line is not blank', () => {
    expect(toCsv([{ a: null }, { a: 'x' }])).toBe('a\r\n""\r\nx\r\n');
  });
});

describe('csvFileName', () => {
  it('joins org, course and run with dashes for both key forms', () => {
    expect(csvFileName('edX/DemoX/Demo_Course', 'enrollment-gender')).toBe('edX-DemoX-Demo_Course--enrollment-gender.csv');
    expect(csvFileName('course-v1:edX+DemoX+Demo_Course', 'enrollment-gender')).toBe('edX-DemoX-Demo_Course--enrollment-gender.csv');
    expect(csvFileName('ccx-v1:edx+1.005x-CCX+rerun+ccx@15', 'enrollment')).toBe('edx-1.005x-CCX-rerun--enrollment.csv');
  });
});
