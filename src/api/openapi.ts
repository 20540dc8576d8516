import type { OpenAPIV3_1 } from 'openapi-types';

/** The OpenAPI document's header; the paths come from the route schemas. */
export function openApiDocument(): Partial<OpenAPIV3_1.Document> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lantern data API',
      version: 'v0',
      description:
        'Learning analytics for Open edX, compatible with the edX Analytics Data API v0 (same URLs, parameters, ' +
        'field names, date formats and CSV). Send `Authorization: Token <key>` (keys: `lantern api-key set`) or ' +
        '`Authorization: JWT <token>` (an access token signed by the LMS). A key may be limited to courses or orgs; ' +
        'a service (the dashboard) may narrow a request further with `X-Lantern-Courses: ["course-v1:…"]` to read on ' +
        'behalf of one of its users. ' +
        'Errors are `{error_code, developer_message}`.',
    },
    components: {
      securitySchemes: {
        Token: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Token <key>`' },
        JWT: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`JWT <token>` or `Bearer <token>`: an LMS access token' },
      },
    },
    security: [{ Token: [] }, { JWT: [] }],
    tags: [
      { name: 'courses', description: 'Per-course reports' },
      { name: 'problems', description: 'Per-problem reports' },
      { name: 'videos', description: 'Per-video reports' },
      { name: 'summaries', description: 'Many courses or programs at once' },
      { name: 'learners', description: 'Per-learner engagement (usernames, no other PII)' },
      { name: 'operational', description: 'Status and health' },
    ],
  };
}
