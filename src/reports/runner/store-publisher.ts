import { readMarker } from '../../store/markers.js';
import { publishTables, type TableOutput } from '../../store/publish.js';
import type { ReportsStore } from '../../store/reports-store.js';
import type { ReportsPublisher } from './run-tasks.js';

/** Publishes to the reports store: all of a task's tables and its marker in one swap. */
export function storePublisher(store: ReportsStore): ReportsPublisher {
  return {
    readMarker: async (taskId) => (await readMarker(store, taskId))?.fingerprint,
    publish: async (outputs, marker) => {
      await publishTables(store, outputs as readonly TableOutput[], marker);
    },
  };
}
