import { describe, expect, it } from 'vitest';
import { parseRoute, restSegments, segment } from '../../../src/web/client/lib/routes.js';

describe('drill-down routes', () => {
  const C = 'course-v1:edX+DemoX+Demo_Course';
  it('keeps usage keys in the rest path and decodes them', () => {
    const v = 'block-v1:edX+DemoX+Demo_Course+type@video+block@a/b';
    const path = `/courses/${C}/engagement/videos/sections/${segment('s 1')}/subsections/x/modules/${segment(v)}/timeline/`;
    const route = parseRoute(path);
    expect(route).toMatchObject({ kind: 'course', courseId: C, page: 'engagement/videos' });
    const rest = route.kind === 'course' ? route.rest : '';
    expect(restSegments(rest)).toEqual(['sections', 's 1', 'subsections', 'x', 'modules', v, 'timeline']);
    expect(restSegments('')).toEqual([]);
  });
  it('routes the learner page', () => {
    expect(parseRoute(`/courses/${C}/learners/jane_doe/`)).toEqual({ kind: 'course', courseId: C, page: 'learners', rest: 'jane_doe' });
    expect(parseRoute(`/courses/${C}/learners/`)).toEqual({ kind: 'course', courseId: C, page: 'learners', rest: '' });
  });
});
