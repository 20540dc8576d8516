import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/web/client/lib/routes.js';
import { courseFilePrefix } from '../../../src/web/client/lib/course-id.js';
import { formatPercent, lastUpdatedSentence, newestCreated, formatNumber } from '../../../src/web/client/lib/format.js';

describe('routes', () => {
  it('parses course ids in both forms', () => {
    expect(parseRoute('/courses/')).toEqual({ kind: 'index' });
    expect(parseRoute('/courses/course-v1:edX+DemoX+Demo_Course/enrollment/activity/')).toEqual({ kind: 'course', courseId: 'course-v1:edX+DemoX+Demo_Course', page: 'enrollment/activity', rest: '' });
    expect(parseRoute('/courses/edX/DemoX/Demo/')).toEqual({ kind: 'course', courseId: 'edX/DemoX/Demo', page: 'home', rest: '' });
    expect(parseRoute('/courses/edX/DemoX/Demo/enrollment/demographics/gender/')).toMatchObject({ courseId: 'edX/DemoX/Demo', page: 'enrollment/demographics/gender' });
    expect(parseRoute('/courses/edX/DemoX/Demo/performance/graded_content/homework/')).toMatchObject({ page: 'performance/graded_content', rest: 'homework' });
    expect(parseRoute('/courses/edX/DemoX/Demo/nope/')).toEqual({ kind: 'not-found' });
    expect(parseRoute('/elsewhere/')).toEqual({ kind: 'not-found' });
  });
  it('builds legacy file prefixes', () => {
    expect(courseFilePrefix('course-v1:edX+DemoX+Demo_Course')).toBe('edX-DemoX-Demo_Course');
    expect(courseFilePrefix('edX/DemoX/Demo')).toBe('edX-DemoX-Demo');
  });
});

describe('format', () => {
  it('formats numbers, percents and the footer', () => {
    expect(formatNumber(324979)).toBe('324,979');
    expect(formatPercent(0.004)).toBe('< 1%');
    expect(formatPercent(0.356)).toBe('35.6%');
    const t = newestCreated([{ created: '2014-12-10T193146' }, { created: '2014-12-09T235959' }, { created: null }]);
    expect(lastUpdatedSentence('Enrollment activity data', t!)).toBe('Enrollment activity data was last updated December 10, 2014 at 7:31 PM UTC.');
  });
});
