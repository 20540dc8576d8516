/** Response fields shared by the problem, video and report routes (each list names exactly the legacy keys). */

export const COURSE_ID = { type: 'string', example: 'course-v1:edX+DemoX+Demo_Course' } as const;
export const MODULE_ID = { type: 'string', example: 'block-v1:edX+DemoX+Demo_Course+type@problem+block@d2e35c1d294b4ba0b3b1048615605d2a' } as const;
export const NULLABLE_TEXT = { type: ['string', 'null'] } as const;
export const NULLABLE_NUMBER = { type: ['number', 'null'], example: 1 } as const;

/** An object schema whose every property is always present. */
export function objectOf<P extends Record<string, object>>(properties: P) {
  return { type: 'object', properties, required: Object.keys(properties) } as const;
}
