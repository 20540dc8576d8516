import path from 'node:path';
import type { S3Options } from '../config/s3-client.js';
import { createEngine, type EngineSettings } from '../engine/create-engine.js';
import type { FilePattern } from '../events/file-pattern.js';
import type { LogSource } from '../events/log-source.js';
import type { Progress } from '../events/progress.js';
import { openStore } from '../store/open-store.js';
import { openCountryLookup } from './location/country-lookup.js';
import { openLmsSource } from './runner/lms-source.js';
import { runTasks, type RunOptions, type RunReport } from './runner/run-tasks.js';
import { storePublisher } from './runner/store-publisher.js';
import type { ReportTask, RunParams } from './runner/task.js';
import type { StructureDocuments } from './structure/structure-files.js';

export interface PipelineOptions {
  readonly tasks: readonly ReportTask[];
  readonly params: RunParams;
  readonly storeUrl: string;
  readonly lmsUrl?: string;
  readonly source?: LogSource;
  readonly engine: EngineSettings;
  readonly pattern?: FilePattern;
  readonly expandDays?: number;
  /** A GeoIP country database (.mmdb); absent: the bundled CC0 one. */
  readonly geoipDatabase?: string;
  /** Where the course structure comes from: files or the LMS API (see structureSource). */
  readonly structure?: () => Promise<StructureDocuments>;
  readonly s3?: S3Options;
  readonly overwrite?: boolean;
  readonly planOnly?: boolean;
  readonly progress?: Progress;
  readonly onTask?: RunOptions['onTask'];
}

/**
 * `lantern run` without the command line: opens the reports store (migrating it), the engine and the LMS, runs the
 * tasks and closes everything, whatever happens.
 */
export async function runPipeline(options: PipelineOptions): Promise<RunReport> {
  // Planning only reads: the store is not created or migrated (a store without tables has no markers).
  const store = await openStore(options.storeUrl, { migrate: !options.planOnly });
  try {
    const engine = await createEngine(options.engine);
    try {
      const lms = options.lmsUrl ? await openLmsSource(options.lmsUrl) : undefined;
      try {
        return await runTasks({
          tasks: options.tasks,
          params: { reportsDir: path.join(options.engine.dataDir, 'reports'), ...options.params },
          engine,
          publisher: storePublisher(store, { markersMayBeMissing: options.planOnly }),
          source: options.source,
          events: { dataDir: options.engine.dataDir, pattern: options.pattern, expandDays: options.expandDays },
          lms: lms?.source,
          countries: () => openCountryLookup(options.geoipDatabase),
          structure: options.structure,
          s3: options.s3,
          overwrite: options.overwrite,
          planOnly: options.planOnly,
          progress: options.progress,
          onTask: options.onTask,
        });
      } finally {
        await lms?.close();
      }
    } finally {
      await engine.close();
    }
  } finally {
    await store.close();
  }
}
