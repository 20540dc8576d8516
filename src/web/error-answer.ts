import { LmsApiError } from '../lms/lms-api.js';

export interface ErrorAnswer {
  readonly status: number;
  readonly body: { readonly error_code: string; readonly developer_message: string };
}

/**
 * What the dashboard answers when a route throws: a client's mistake as it is (a missing CSRF token is 403), the LMS
 * failing as 502, anything else as 500; the details of the last two stay in the log.
 */
export function errorAnswer(error: unknown): ErrorAnswer {
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, body: { error_code: 'bad_request', developer_message: (error as Error).message } };
  }
  if (error instanceof LmsApiError) {
    return { status: 502, body: { error_code: 'upstream_unavailable', developer_message: 'The LMS did not answer; try again shortly.' } };
  }
  return { status: 500, body: { error_code: 'internal_error', developer_message: 'The dashboard could not answer; the error is in its log.' } };
}
