import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ReportsStore } from '../../store/reports-store.js';
import { formatLegacyDateTime, toDate } from '../legacy/dates.js';
import { problemSubmissions } from '../queries/problem-submissions.js';
import { sendList } from '../respond.js';
import { COUNT, LEGACY_DATETIME, listResponses, MODULE_ID, objectOf } from '../schemas.js';
import { checkCourseAccess } from './course-access.js';
import type { RouteOptions } from './protected.js';

type CourseRequest = FastifyRequest<{ Params: { course_id: string } }>;

const PROBLEM_ITEM = objectOf({
  module_id: MODULE_ID,
  total_submissions: COUNT,
  correct_submissions: COUNT,
  part_ids: { type: 'array', items: { type: 'string' }, example: ['d2e35c1d294b4ba0b3b1048615605d2a_2_1'] },
  created: LEGACY_DATETIME,
});

const TAGGED_PROBLEM_ITEM = objectOf({
  module_id: MODULE_ID,
  total_submissions: COUNT,
  correct_submissions: COUNT,
  tags: {
    type: 'object',
    description: 'Tag name → its values, sorted.',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { difficulty: ['Hard'], learning_outcome: ['Learned a few things'] },
  },
  created: LEGACY_DATETIME,
});

interface TagRow {
  module_id: string;
  tag_name: string;
  tag_value: string;
  total_submissions: number;
  correct_submissions: number;
  created: Date | string;
}

/** The problems of a course: their submissions (answer_distribution) and their tags (tags_distribution). */
export const courseProblemRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  app.addHook('preHandler', checkCourseAccess);

  app.get(
    '/api/v0/courses/:course_id/problems/',
    {
      schema: {
        tags: ['courses'],
        summary: 'Submissions per problem',
        description:
          'From `answer_distribution` (each learner\'s last answer): per problem, `total_submissions` is the sum of ' +
          '`last_response_count` divided by the number of parts, `correct_submissions` the same over correct answers ' +
          '(both truncated to integers); `part_ids` lists the parts; `created` is the latest. No date filter. Ordered by `module_id`.',
        params: { $ref: 'CourseParams#' },
        querystring: { $ref: 'FormatQuery#' },
        response: listResponses(PROBLEM_ITEM, 'Problems with submissions'),
      },
    },
    async (request: CourseRequest, reply) => {
      const courseId = request.params.course_id;
      return sendList(request, reply, await problemSubmissions(store, courseId), { what: `problems for course ${courseId}` });
    },
  );

  app.get(
    '/api/v0/courses/:course_id/problems_and_tags/',
    {
      schema: {
        tags: ['courses'],
        summary: 'Submissions and tags per problem',
        description:
          'From `tags_distribution`: per problem, its submission counts and its tags (name → sorted values); `created` ' +
          'is the latest. No date filter. Problems in the order the store first lists them.',
        params: { $ref: 'CourseParams#' },
        querystring: { $ref: 'FormatQuery#' },
        response: listResponses(TAGGED_PROBLEM_ITEM, 'Tagged problems'),
      },
    },
    async (request: CourseRequest, reply) => {
      const courseId = request.params.course_id;
      return sendList(request, reply, taggedProblems(await tagRows(store, courseId)), { what: `tagged problems for course ${courseId}` });
    },
  );
};

/** Served by the (course_id) index. */
function tagRows(store: ReportsStore, courseId: string): Promise<TagRow[]> {
  return store.db
    .selectFrom('tags_distribution')
    .select(['module_id', 'tag_name', 'tag_value', 'total_submissions', 'correct_submissions', 'created'])
    .where('course_id', '=', courseId)
    .orderBy('id')
    .execute();
}

/** One item per module: the counts of its first row, as the legacy view kept them, and every tag value. */
function taggedProblems(rows: readonly TagRow[]) {
  const problems = new Map<string, { first: TagRow; tags: Map<string, string[]>; created: Date }>();
  for (const row of rows) {
    const problem = problems.get(row.module_id) ?? { first: row, tags: new Map<string, string[]>(), created: toDate(row.created) };
    problem.tags.set(row.tag_name, [...(problem.tags.get(row.tag_name) ?? []), row.tag_value]);
    if (toDate(row.created) > problem.created) problem.created = toDate(row.created);
    problems.set(row.module_id, problem);
  }
  return [...problems.values()].map(({ first, tags, created }) => ({
    module_id: first.module_id,
    total_submissions: first.total_submissions,
    correct_submissions: first.correct_submissions,
    tags: Object.fromEntries([...tags].map(([name, values]) => [name, values.sort()])),
    created: formatLegacyDateTime(created),
  }));
}
