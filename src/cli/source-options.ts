import type { Settings } from '../config/settings.js';
import { createEngine, type EngineSettings } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine.js';
import { compileFilePattern, type FilePattern } from '../events/file-pattern.js';
import type { LogSource } from '../events/log-source.js';
import { openLogSource } from '../events/open-source.js';
import { UsageError } from './exit-codes.js';

/** Where the engine lives and what it may use, as the settings say. */
export function engineSettings(settings: Settings): EngineSettings {
  return {
    dataDir: settings.dataDir,
    memoryLimit: settings.engineMemoryLimit,
    ...(settings.engineThreads ? { threads: settings.engineThreads } : {}),
  };
}

/** The settings' file pattern, compiled; undefined for the built-in one. */
export function filePatternOf(settings: Settings): FilePattern | undefined {
  return settings.pattern ? compileFilePattern(settings.pattern) : undefined;
}

/**
 * Opens the source (the command's argument, else the `source` setting) and the engine the settings describe, runs
 * `work`, and closes the engine whatever happens.
 */
export async function withSourceAndEngine<T>(
  location: string | undefined,
  settings: Settings,
  work: (source: LogSource, engine: Engine) => Promise<T>,
): Promise<T> {
  const where = location ?? settings.source;
  if (!where) throw new UsageError('no tracking-log source: give it as the argument, --source, LANTERN_SOURCE or [event-logs] source');
  const source = await openLogSource(where, settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {});
  const engine = await createEngine(engineSettings(settings));
  try {
    return await work(source, engine);
  } finally {
    await engine.close();
  }
}
