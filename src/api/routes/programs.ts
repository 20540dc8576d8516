import type { FastifyPluginAsync } from 'fastify';
import { programRows, type ProgramRow } from '../queries/program-rows.js';
import { groupedBy, latestCreated } from '../queries/grouping.js';
import { registerListView } from './list-view.js';
import { LEGACY_DATETIME } from '../schemas.js';
import type { RouteOptions } from './protected.js';

const PROGRAM_ITEM = {
  type: 'object',
  properties: {
    program_id: { type: 'string', example: 'e6f8a8d4-62c5-4b2a-a4b4-0e4a3b9e5f1c' },
    program_type: { type: 'string', example: 'Professional Certificate' },
    program_title: { type: ['string', 'null'], example: 'Demo Program' },
    created: LEGACY_DATETIME,
    course_ids: { type: 'array', items: { type: 'string' }, description: 'The courses of the program that the key may read.' },
  },
} as const;

/** GET and POST /api/v0/programs/: one item per program, from course_program_metadata. */
export const programRoutes: FastifyPluginAsync<RouteOptions> = async (app, { store }) => {
  registerListView(app, {
    path: '/api/v0/programs/',
    summary: 'Programs and their courses',
    description:
      'One item per program, ordered by program id, with the ids of its courses. A key limited to some courses sees only ' +
      'those courses, and only the programs holding one of them. No program is 404.',
    ids: { name: 'program_ids', description: 'The programs (default: every program).', example: 'e6f8a8d4-62c5-4b2a-a4b4-0e4a3b9e5f1c' },
    params: {},
    item: PROGRAM_ITEM,
    what: 'programs',
    answer: async (list, request) => {
      const rows = await programRows(store, { programIds: list.ids });
      const readable = rows.filter((row) => request.principal.canRead(row.course_id));
      return groupedBy(readable, (row) => row.program_id).map(programItem);
    },
  });
};

function programItem(rows: readonly ProgramRow[]): object {
  const head = rows[0]!;
  return {
    program_id: head.program_id,
    program_type: head.program_type,
    program_title: head.program_title,
    created: latestCreated(rows),
    course_ids: [...new Set(rows.map((row) => row.course_id))].sort(),
  };
}
