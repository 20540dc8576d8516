import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { ReportsStore } from '../../store/reports-store.js';
import type { ResultStore } from '../../store/schema.js';
import { consolidateAnswers, type AnswerRow } from '../legacy/answer-consolidation.js';
import { formatAnswerValue } from '../legacy/answer-values.js';
import { formatLegacyDateTime } from '../legacy/dates.js';
import { readableRows } from './course-access.js';
import { sendList } from '../respond.js';
import { COUNT, COURSE_ID, LEGACY_DATETIME, listResponses, MODULE_ID, NULLABLE_COUNT, NULLABLE_NUMBER, NULLABLE_TEXT, objectOf } from '../schemas.js';
import type { RouteOptions } from './protected.js';

type ProblemRequest = FastifyRequest<{ Params: { problem_id: string } }>;

const PROBLEM_PARAMS = {
  type: 'object',
  required: ['problem_id'],
  properties: {
    problem_id: {
      type: 'string',
      description: 'A usage id, `block-v1:…` or `i4x://…`, as it is (slashes and all) or URL-encoded.',
      example: 'block-v1:edX+DemoX+Demo_Course+type@problem+block@d2e35c1d294b4ba0b3b1048615605d2a',
    },
  },
} as const;

const ANSWER_ITEM = objectOf({
  course_id: COURSE_ID,
  module_id: MODULE_ID,
  part_id: { type: 'string', example: 'd2e35c1d294b4ba0b3b1048615605d2a_2_1' },
  correct: { type: ['boolean', 'null'] },
  first_response_count: { ...COUNT, description: "Learners whose first answer this was." },
  last_response_count: { ...COUNT, description: "Learners whose last answer this was." },
  value_id: { ...NULLABLE_TEXT, description: 'The choice id of a choice answer, cleaned as `answer_value` is.', example: 'choice_1' },
  answer_value: { type: 'string', description: 'Lists as `[a|b]`, HTML reduced to its text; a missing answer is `None`.', example: 'Ohio' },
  problem_display_name: NULLABLE_TEXT,
  question_text: NULLABLE_TEXT,
  variant: { ...NULLABLE_COUNT, description: 'The seed of a randomised problem; null where answers were consolidated.' },
  created: LEGACY_DATETIME,
  consolidated_variant: { type: 'boolean', description: 'True where the answers of several variants were summed.' },
});
const GRADE_ITEM = objectOf({ module_id: MODULE_ID, course_id: COURSE_ID, grade: NULLABLE_NUMBER, max_grade: NULLABLE_NUMBER, count: NULLABLE_COUNT, created: LEGACY_DATETIME });
const SEQUENTIAL_OPEN_ITEM = objectOf({ module_id: MODULE_ID, course_id: COURSE_ID, count: NULLABLE_COUNT, created: LEGACY_DATETIME });

type ModuleTable = 'grade_distribution' | 'sequential_open_distribution';

/** One per-problem endpoint: its rows (which name their course) and the items made of them. */
interface ProblemReport<T extends { course_id: string }> {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly item: object;
  readonly load: (problemId: string) => Promise<T[]>;
  readonly shape: (rows: T[]) => object[];
}

/**
 * Per-problem reports. The rows name their course: rows of courses the caller may not read are left out, and 403
 * when that leaves none.
 */
export const problemRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  function route<T extends { course_id: string }>({ path, summary, description, item, load, shape }: ProblemReport<T>) {
    app.get(
      `/api/v0/problems/:problem_id/${path}/`,
      {
        schema: {
          tags: ['problems'],
          summary,
          description,
          params: PROBLEM_PARAMS,
          querystring: { $ref: 'FormatQuery#' },
          response: listResponses(item, summary),
        },
      },
      async (request: ProblemRequest, reply: FastifyReply) => {
        const what = `${path.replace(/_/g, ' ')} for ${request.params.problem_id}`;
        const rows = readableRows(request.principal, await load(request.params.problem_id), (row) => row.course_id, what);
        return sendList(request, reply, shape(rows), { what });
      },
    );
  }

  route({
    path: 'answer_distribution',
    summary: 'How many learners gave each answer, first and last',
    description:
      'From `answer_distribution`, ordered by `part_id`. Within a part, the answers of a problem erroneously randomised ' +
      '(one `value_id` with one text, name and correctness in every variant) are summed into one item with ' +
      '`consolidated_variant` true. `answer_value` comes from `answer_value_text`.',
    item: ANSWER_ITEM,
    load: (problemId) => answerRows(store, problemId),
    shape: answerItems,
  });
  route({
    path: 'grade_distribution',
    summary: 'How many learners got each grade',
    description: 'From `grade_distribution`, in the order the store lists the rows.',
    item: GRADE_ITEM,
    load: (problemId) => moduleRows(store, 'grade_distribution', problemId),
    shape: (rows) => rows.map(({ module_id, course_id, grade, max_grade, count, created }) => ({ module_id, course_id, grade, max_grade, count, created: formatLegacyDateTime(created) })),
  });
  route({
    path: 'sequential_open_distribution',
    summary: 'How many learners opened a subsection',
    description: 'From `sequential_open_distribution`. `problem_id` is the id of the subsection (sequential); the legacy docs call it `module_id`.',
    item: SEQUENTIAL_OPEN_ITEM,
    load: (problemId) => moduleRows(store, 'sequential_open_distribution', problemId),
    shape: (rows) => rows.map(({ module_id, course_id, count, created }) => ({ module_id, course_id, count, created: formatLegacyDateTime(created) })),
  });
};

/** What both module tables have; the query is the same for them. */
type ModuleStore = Record<ModuleTable, { id: number; module_id: string }>;

/** Served by the (module_id) index of each table. */
async function moduleRows<T extends ModuleTable>(store: ReportsStore, table: T, moduleId: string): Promise<Selectable<ResultStore[T]>[]> {
  const db = store.db as unknown as Kysely<ModuleStore>;
  const rows = await db.selectFrom(table as ModuleTable).selectAll().where('module_id', '=', moduleId).orderBy('id').execute();
  return rows as unknown as Selectable<ResultStore[T]>[];
}

/** Served by the (module_id) index; the answers are ordered by part when consolidated. */
async function answerRows(store: ReportsStore, moduleId: string): Promise<AnswerRow[]> {
  const rows = await store.db.selectFrom('answer_distribution').selectAll().where('module_id', '=', moduleId).orderBy('part_id').orderBy('id').execute();
  // The legacy API read only answer_value_text (its model's answer_value); answer_value_numeric repeats it as a number.
  return rows.map(({ answer_value_text, answer_value_numeric: _numeric, id: _id, ...row }) => ({ ...row, answer_value: answer_value_text }));
}

function answerItems(rows: AnswerRow[]) {
  return consolidateAnswers(rows).map((row) => ({
    course_id: row.course_id,
    module_id: row.module_id,
    part_id: row.part_id,
    correct: row.correct === null ? null : Boolean(Number(row.correct)),
    first_response_count: row.first_response_count,
    last_response_count: row.last_response_count,
    value_id: row.value_id === null ? null : formatAnswerValue(row.value_id),
    answer_value: formatAnswerValue(row.answer_value),
    problem_display_name: row.problem_display_name,
    question_text: row.question_text,
    variant: row.variant,
    created: formatLegacyDateTime(row.created),
    consolidated_variant: row.consolidated_variant,
  }));
}
