import type { Command } from 'commander';
import { defaultDataDir } from '../config/defaults.js';
import { createEngine } from '../engine/create-engine.js';
import type { Engine } from '../engine/engine.js';
import type { FilePattern } from '../events/file-pattern.js';
import type { LogSource } from '../events/log-source.js';
import { openLogSource } from '../events/open-source.js';
import { patternOption } from './options.js';

export interface SourceFlags {
  readonly pattern?: FilePattern;
  readonly s3Endpoint?: string;
  readonly dataDir: string;
}

/** The flags every command that reads tracking logs takes. */
export function withSourceOptions(command: Command): Command {
  return command
    .option('--pattern <regex>', 'which files are tracking logs; a named group "date" (YYYYMMDD) gives the day', patternOption)
    .option('--s3-endpoint <url>', 'an S3-compatible endpoint for s3:// sources (MinIO, Ceph, s3rver)')
    .option('--data-dir <dir>', 'where Lantern keeps its engine database and scratch files', defaultDataDir());
}

/** Opens the source and the engine, runs `work`, and closes the engine whatever happens. */
export async function withSourceAndEngine<T>(
  location: string,
  flags: SourceFlags,
  work: (source: LogSource, engine: Engine) => Promise<T>,
): Promise<T> {
  const source = await openLogSource(location, flags.s3Endpoint ? { endpoint: flags.s3Endpoint } : {});
  const engine = await createEngine({ dataDir: flags.dataDir });
  try {
    return await work(source, engine);
  } finally {
    await engine.close();
  }
}
