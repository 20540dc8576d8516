import { sqlFile } from '../../engine/sql-file.js';
import type { ReportTask, TaskContext, TaskOutput } from '../runner/task.js';

const OUTPUTS = ['video', 'video_timeline'];

const sql = (name: string) => sqlFile(import.meta.url, name);

/** Video engagement (legacy InsertToMysqlAllVideoTask): viewers and views per 5-second segment of each video. */
export const videoTask: ReportTask = {
  name: 'video',
  description: 'per video: viewers at the start and at the end, seconds viewed, and viewers and views per 5-second segment',
  inputs: { events: (params) => params.interval },
  moduleUrl: import.meta.url,
  sqlFiles: [
    'video_events.sql',
    'video_event_drops.sql',
    'video_viewings.sql',
    'video_viewing_drops.sql',
    'video_usage.sql',
    ...OUTPUTS.map((table) => `${table}.sql`),
  ],
  significantParams: (params) => ({ interval_start: params.interval.start, interval_end: params.interval.end }),
  outputs: () => OUTPUTS,
  async compute(context: TaskContext): Promise<TaskOutput[]> {
    const { engine, params } = context;
    await engine.materialize('video_events', sql('video_events.sql'), { interval_start: params.interval.start, interval_end: params.interval.end });
    for (const { reason, events } of await engine.query<{ reason: string; events: number }>(sql('video_event_drops.sql'))) {
      context.note(`${events} video events dropped: ${reason.replaceAll('_', ' ')}`);
    }
    await engine.materialize('video_viewings', sql('video_viewings.sql'));
    for (const { reason, viewings } of await engine.query<{ reason: string; viewings: number }>(sql('video_viewing_drops.sql'))) {
      context.note(`${viewings} video plays make no viewing: ${reason.replaceAll('_', ' ')}`);
    }
    await engine.materialize('video_usage', sql('video_usage.sql'));
    const outputs = [];
    for (const table of OUTPUTS) outputs.push({ table, rows: await engine.query(sql(`${table}.sql`)) });
    // The legacy task refused to publish no videos; an interval without video activity is a fact worth publishing.
    if (outputs[0]!.rows.length === 0) context.note('no video viewings in the interval: the video tables are empty');
    return outputs;
  },
};
