import type { Engine } from './engine.js';
import { DuckDBEngine } from './duckdb/duckdb-engine.js';

export interface EngineSettings {
  readonly kind?: 'duckdb';
  readonly dataDir: string;
  readonly threads?: number;
  readonly memoryLimit?: string;
}

/** The one place that knows the concrete engines. */
export async function createEngine(settings: EngineSettings): Promise<Engine> {
  return DuckDBEngine.create(settings);
}
