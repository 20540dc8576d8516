/** Schemas shared by the routes (registered once, used through `$ref: '<id>#'`). */

export const COURSE_PARAMS = {
  $id: 'CourseParams',
  type: 'object',
  required: ['course_id'],
  properties: {
    course_id: {
      type: 'string',
      description: 'A course id, `course-v1:edX+DemoX+Demo_Course` or `edX/DemoX/Demo_Course`, as it is or URL-encoded.',
      example: 'course-v1:edX+DemoX+Demo_Course',
    },
  },
} as const;

export const INTERVAL_QUERY = {
  $id: 'IntervalQuery',
  type: 'object',
  properties: {
    start_date: { type: 'string', description: 'First day included: `YYYY-mm-dd` or `YYYY-mm-ddTHHMMSS`, UTC. Without either date: the latest day only.', example: '2014-12-01' },
    end_date: { type: 'string', description: 'First day excluded: `YYYY-mm-dd` or `YYYY-mm-ddTHHMMSS`, UTC.', example: '2014-12-15T000000' },
    format: { type: 'string', enum: ['json', 'csv'], description: '`csv` answers CSV, as `Accept: text/csv` does.' },
    fields: { type: 'string', description: 'CSV only: the columns, in this order (comma-separated dotted names).' },
  },
} as const;

export const FORMAT_QUERY = {
  $id: 'FormatQuery',
  type: 'object',
  properties: { format: INTERVAL_QUERY.properties.format, fields: INTERVAL_QUERY.properties.fields },
} as const;

export const SHARED_SCHEMAS = [COURSE_PARAMS, INTERVAL_QUERY, FORMAT_QUERY];

/** `{200: list of item, 4xx: Error}`: the responses of a list route. */
export function listResponses(item: object, description: string) {
  return {
    200: { description, type: 'array', items: item },
    ...ERROR_RESPONSES,
  };
}

export const ERROR_RESPONSES = {
  400: { description: 'A parameter is malformed.', $ref: 'Error#' },
  401: { description: 'No credentials, or they are not valid.', $ref: 'Error#' },
  403: { description: 'The key or user may not read this course.', $ref: 'Error#' },
  404: { description: 'No data.', $ref: 'Error#' },
  429: { description: 'Too many requests for this key.', $ref: 'Error#' },
} as const;

/** A datetime as the legacy API wrote it. */
export const LEGACY_DATETIME = { type: 'string', description: '`YYYY-mm-ddTHHMMSS`, UTC', example: '2014-12-10T193146' } as const;
export const LEGACY_DATE = { type: 'string', description: '`YYYY-mm-dd`', example: '2014-12-10' } as const;
export const COUNT = { type: 'integer', example: 1234 } as const;
export const NULLABLE_COUNT = { type: ['integer', 'null'], example: 1234 } as const;
export const COURSE_ID = { type: 'string', example: 'course-v1:edX+DemoX+Demo_Course' } as const;
export const MODULE_ID = { type: 'string', example: 'block-v1:edX+DemoX+Demo_Course+type@problem+block@d2e35c1d294b4ba0b3b1048615605d2a' } as const;
export const NULLABLE_TEXT = { type: ['string', 'null'] } as const;
export const NULLABLE_NUMBER = { type: ['number', 'null'], example: 1 } as const;

/** An object schema whose every property is always present. */
export function objectOf<P extends Record<string, object>>(properties: P) {
  return { type: 'object', properties, required: Object.keys(properties) } as const;
}
