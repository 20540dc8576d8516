import path from 'node:path';
import { expect, it } from 'vitest';
import { parseInterval } from '../../src/events/interval.js';
import { openLogSource } from '../../src/events/open-source.js';
import { LmsApiError } from '../../src/lms/lms-api.js';
import { activityTask } from '../../src/reports/activity/activity-task.js';
import { problemResponseTask } from '../../src/reports/problem-response/problem-response-task.js';
import { runPipeline } from '../../src/reports/run-pipeline.js';
import { placeConformanceLog } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/temp.js';

it('fails only the tasks that read the course structure when the LMS API refuses, naming the URL and status', async () => {
  const dir = await tempDir();
  await placeConformanceLog(dir, 'problem_response_tracking.log', 'tracking.log-20160908.gz');
  const url = 'http://127.0.0.1:1/oauth2/access_token';
  const report = await runPipeline({
    tasks: [activityTask, problemResponseTask],
    params: { interval: parseInterval('2016-09-07-2016-09-08'), endDate: '2016-09-12', weeks: 1, date: '2016-09-08', reportsDir: path.join(dir, 'reports') },
    storeUrl: `sqlite:${path.join(dir, 'reports.sqlite')}`,
    source: await openLogSource(path.join(dir, 'logs')),
    engine: { dataDir: path.join(dir, 'data') },
    structure: async () => {
      throw new LmsApiError(url, 401, `POST ${url}: 401 Unauthorized`);
    },
  });
  expect(report.outcomes.map((outcome) => [outcome.task, outcome.status])).toEqual([
    ['activity', 'ran'],
    ['problem-response', 'failed'],
  ]);
  expect(report.outcomes[1]!.reason).toBe(`reading the course structure failed: POST ${url}: 401 Unauthorized`);
});
