import { Command, CommanderError } from 'commander';
import { lanternPackage } from '../config/package-root.js';
import { registerApi } from './api.js';
import { registerApiKey } from './api-key.js';
import { registerConfig } from './config.js';
import { registerDemo } from './demo.js';
import { registerEvents } from './events.js';
import { EXIT, UsageError } from './exit-codes.js';
import { registerGenerate } from './generate.js';
import { registerLogs } from './logs.js';
import { registerRun } from './run.js';
import { registerLmsSetup } from './lms-setup.js';
import { registerStore } from './store.js';
import { registerWeb } from './web.js';


export function buildProgram(): Command {
  const program = new Command('lantern')
    .description('Learning analytics for Open edX: tracking logs in, edX-compatible reports out.')
    .version(lanternPackage().version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerDemo(program);
  registerGenerate(program);
  registerLogs(program);
  registerEvents(program);
  registerRun(program);
  registerStore(program);
  registerApi(program);
  registerApiKey(program);
  registerWeb(program);
  registerLmsSetup(program);
  registerConfig(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the CLI and returns its exit code (see EXIT). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      console.error(`lantern: ${error.message}`);
      return EXIT.usage;
    }
    console.error(`lantern: ${(error as Error).message}`);
    if (process.env.LANTERN_DEBUG) console.error(error);
    return EXIT.failed;
  }
}
