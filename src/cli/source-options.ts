import type { Command } from 'commander';
import { defaultDataDir } from '../config/defaults.js';
import type { FilePattern } from '../events/file-pattern.js';
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

export function openSource(location: string, flags: SourceFlags) {
  return openLogSource(location, flags.s3Endpoint ? { endpoint: flags.s3Endpoint } : {});
}
