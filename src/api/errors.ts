/**
 * The data API's coded errors. Every error answer is `{error_code, developer_message}` (the legacy middleware's
 * shape), where the legacy mixed it with DRF's `{detail}` and Django's `{status}`.
 */
export const ERRORS = {
  authentication_required: 401,
  invalid_credentials: 401,
  course_not_permitted: 403,
  download_link_invalid: 403,
  not_found: 404,
  no_learner_engagement_timeline: 404,
  report_file_not_found: 404,
  course_not_specified: 400,
  course_key_malformed: 400,
  invalid_parameter: 400,
  rate_limited: 429,
  internal_error: 500,
  cannot_create_report_download_link: 501,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.statusCode = ERRORS[code];
  }

  body(): ErrorBody {
    return { error_code: this.code, developer_message: this.message };
  }
}

export interface ErrorBody {
  readonly error_code: ErrorCode;
  readonly developer_message: string;
}

/** The response schema of every error status, shared through `$ref: 'Error#'`. */
export const ERROR_SCHEMA = {
  $id: 'Error',
  type: 'object',
  required: ['error_code', 'developer_message'],
  properties: {
    error_code: { type: 'string', enum: Object.keys(ERRORS), example: 'not_found' },
    developer_message: { type: 'string', example: 'No enrollment rows for course edX/DemoX/Demo_Course.' },
  },
} as const;
