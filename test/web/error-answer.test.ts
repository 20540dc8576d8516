import { describe, expect, it } from 'vitest';
import { LmsApiError } from '../../src/lms/lms-api.js';
import { errorAnswer } from '../../src/web/error-answer.js';

describe('the dashboard\'s error answers', () => {
  it('keep a client mistake, call the LMS failing a bad gateway, and hide internals', () => {
    expect(errorAnswer(Object.assign(new Error('Invalid csrf token'), { statusCode: 403 }))).toEqual({ status: 403, body: { error_code: 'bad_request', developer_message: 'Invalid csrf token' } });
    const lms = errorAnswer(new LmsApiError('http://lms.internal/api/courses/v1/blocks/', 500, 'GET http://lms.internal/api/courses/v1/blocks/ answered HTTP 500'));
    expect(lms.status).toBe(502);
    expect(JSON.stringify(lms.body)).not.toContain('lms.internal');
    const crash = errorAnswer(new TypeError("Cannot read properties of undefined (reading 'x') at /srv/lantern/dist/src/web/x.js"));
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash.body)).not.toContain('/srv/lantern');
  });
});
