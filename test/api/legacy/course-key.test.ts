import { describe, expect, it } from 'vitest';
import { courseKeyParts, isValidCourseKey, safeCourseId } from '../../../src/api/legacy/course-key.js';

describe('course keys', () => {
  it.each(['edX/DemoX/Demo_Course', 'course-v1:edX+DemoX+Demo_2014', 'ccx-v1:edx+1.005x-CCX+rerun+ccx@15', 'course-v1:a~b+c:d+e.f'])(
    'accepts %s',
    (id) => expect(isValidCourseKey(id)).toBe(true),
  );

  it.each([
    'no/items',
    'a/b/c/d',
    'a/b/c~d',
    'course-v1:edX+DemoX',
    'course-v1:edX+Demo X+run',
    'course-v1:edX+DemoX+run+',
    'ccx-v1:edx+c+r+ccx@x',
    'foo',
    '',
  ])('rejects %j', (id) => expect(isValidCourseKey(id)).toBe(false));

  it('splits both forms into org, course and run', () => {
    expect(courseKeyParts('edX/DemoX/Demo_Course')).toEqual({ org: 'edX', course: 'DemoX', run: 'Demo_Course' });
    expect(courseKeyParts('course-v1:edX+DemoX+Demo_Course')).toEqual({ org: 'edX', course: 'DemoX', run: 'Demo_Course' });
    expect(courseKeyParts('ccx-v1:edx+1.005x-CCX+rerun+ccx@15')).toEqual({ org: 'edx', course: '1.005x-CCX', run: 'rerun' });
    expect(() => courseKeyParts('not a key')).toThrow('Course id/key not a key malformed.');
  });

  it('makes the filename-safe id of the report endpoint', () => {
    expect(safeCourseId('edX/DemoX/Demo_Course')).toBe('edX_DemoX_Demo_Course');
    expect(safeCourseId('course-v1:edX+DemoX+Demo_Course')).toBe('edX_DemoX_Demo_Course');
    expect(safeCourseId('ccx-v1:edx+1.005x-CCX+rerun+ccx@15')).toBe('edx_1.005x-CCX_rerun');
    expect(safeCourseId('course-v1:a~b+c+d')).toBe('a_b_c_d');
    expect(safeCourseId('not a key!')).toBe('not_a_key_');
    expect(safeCourseId('course-v1:edX+Demo X+run')).toBe('course-v1_edX_Demo_X_run');
  });
});
