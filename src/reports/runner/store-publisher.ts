import { readMarker } from '../../store/markers.js';
import { publishTables, type TableOutput } from '../../store/publish.js';
import type { ReportsStore } from '../../store/reports-store.js';
import type { ReportsPublisher } from './run-tasks.js';

/** Publishes to the reports store: all of a task's tables and its marker in one swap. */
export function storePublisher(store: ReportsStore, options: { markersMayBeMissing?: boolean } = {}): ReportsPublisher {
  return {
    readMarker: async (taskId) => {
      try {
        return await readMarker(store, taskId);
      } catch (error) {
        // An unmigrated store (a dependency tree before the first run) has no marker table: nothing was published.
        if (options.markersMayBeMissing) return undefined;
        throw error;
      }
    },
    publish: async (outputs, marker) => {
      const published = await publishTables(store, outputs as readonly TableOutput[], marker);
      return Object.fromEntries(published.tables.map((table) => [table.table, table.rows]));
    },
  };
}
