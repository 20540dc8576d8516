import type { Command } from 'commander';
import { effectiveDatabases } from '../config/database-targets.js';
import { deleteApiKey, listApiKeys, setApiKey } from '../store/api-keys.js';
import { openStore } from '../store/open-store.js';
import type { ReportsStore } from '../store/reports-store.js';
import { settingsFromOptions, withConfigOptions, type ConfigOptions } from './config-options.js';
import { EXIT } from './exit-codes.js';

interface SetFlags extends ConfigOptions {
  readonly courses?: string;
  readonly orgs?: string;
}

export function registerApiKey(program: Command): void {
  const apiKey = program.command('api-key').description("the data API's keys (kept hashed in the store)");
  withConfigOptions(
    apiKey
      .command('set')
      .description("give a user an API key, replacing the user's previous one; refused if another user holds the key")
      .argument('<username>')
      .argument('<key>')
      .option('--courses <ids>', 'limit the key to these courses (comma-separated course ids)')
      .option('--orgs <orgs>', 'limit the key to the courses of these orgs (comma-separated); with --courses, either one grants'),
  ).action(async (username: string, key: string, flags: SetFlags) => {
    const scope = { courses: list(flags.courses), orgs: list(flags.orgs) };
    const result = await withStore(flags, (store) => setApiKey(store, username, key, scope));
    if (result === 'in-use') {
      console.error(`lantern: the key is in use by another user; ${username}'s key was not changed`);
      process.exitCode = EXIT.failed;
      return;
    }
    const limits = [scope.courses && `courses ${scope.courses.join(', ')}`, scope.orgs && `orgs ${scope.orgs.join(', ')}`].filter(Boolean);
    console.log(`${username} has a new key, reading ${limits.length > 0 ? limits.join(' and ') : 'every course'}`);
  });
  withConfigOptions(apiKey.command('delete').description("remove a user's key").argument('<username>')).action(async (username: string, flags: ConfigOptions) => {
    if (await withStore(flags, (store) => deleteApiKey(store, username))) console.log(`${username}'s key was deleted`);
    else {
      console.error(`lantern: ${username} has no key`);
      process.exitCode = EXIT.failed;
    }
  });
  withConfigOptions(apiKey.command('list').description('list the users with a key and what each may read')).action(async (flags: ConfigOptions) => {
    for (const owner of await withStore(flags, listApiKeys)) {
      const limits = [owner.courses && `courses: ${owner.courses.join(', ')}`, owner.orgs && `orgs: ${owner.orgs.join(', ')}`].filter(Boolean);
      console.log(`${owner.username}\t${limits.length > 0 ? limits.join('; ') : 'every course'}\tset ${owner.created} UTC`);
    }
  });
}

function list(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

async function withStore<T>(flags: ConfigOptions, work: (store: ReportsStore) => Promise<T>): Promise<T> {
  const databases = await effectiveDatabases(await settingsFromOptions(flags));
  const store = await openStore(databases.store.url, { migrate: true });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
