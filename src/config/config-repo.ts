import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A config file kept in a git repository, as the legacy "secure config repo" was. */
export interface ConfigRepoRef {
  readonly url: string;
  /** The file's path inside the repository. */
  readonly path: string;
  /** A branch, tag or commit; the default branch when absent. */
  readonly ref?: string;
}

export interface ConfigRepoFile {
  readonly text: string;
  /** The commit the file was read at. */
  readonly commit: string;
  /** `repo URL:PATH@REF`, credentials in the URL masked. */
  readonly label: string;
}

/** The repository could not be cloned or the file read; the message names the URL (masked) and git's complaint. */
export class ConfigRepoError extends Error {
  override readonly name = 'ConfigRepoError';
}

const GIT_TIMEOUT_MS = 5 * 60_000;

/** Clones the repository with the system git into a temporary folder, reads the file, and removes the folder. */
export async function readConfigFromRepo(repo: ConfigRepoRef): Promise<ConfigRepoFile> {
  const where = maskRepoUrl(repo.url);
  if (repo.ref?.startsWith('-')) throw new ConfigRepoError(`"${repo.ref}" is not a git ref (config repo ${where})`);
  const scratch = await mkdtemp(path.join(tmpdir(), 'lantern-config-repo-'));
  try {
    const checkout = await cloneAt(repo, scratch, where);
    const file = path.resolve(checkout, repo.path);
    if (path.relative(checkout, file).startsWith('..')) {
      throw new ConfigRepoError(`the config path "${repo.path}" is outside the repository ${where}`);
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new ConfigRepoError(`the config repo ${where} has no file "${repo.path}" at ${repo.ref ?? 'its default branch'}`);
    }
    const commit = (await git(['rev-parse', 'HEAD'], checkout, where)).trim();
    return { text, commit, label: `repo ${where}:${repo.path}@${repo.ref ?? 'HEAD'}` };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function cloneAt(repo: ConfigRepoRef, scratch: string, where: string): Promise<string> {
  const shallow = path.join(scratch, 'shallow');
  const branch = repo.ref ? [`--branch=${repo.ref}`] : [];
  try {
    await git(['clone', '--quiet', '--depth=1', ...branch, '--', repo.url, shallow], scratch, where);
    return shallow;
  } catch (error) {
    // `--branch` takes branches and tags only; a commit needs the whole history and a checkout.
    if (!repo.ref || !/^[0-9a-f]{4,40}$/i.test(repo.ref)) throw error;
  }
  const full = path.join(scratch, 'full');
  await git(['clone', '--quiet', '--no-checkout', '--', repo.url, full], scratch, where);
  await git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', repo.ref, '--'], full, where);
  return full;
}

async function git(args: readonly string[], cwd: string, where: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, {
      cwd,
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
      // Never wait for a password on a terminal nobody is watching.
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new ConfigRepoError(`cannot read the config repo ${where}: git is not installed`);
    const said = maskCredentials(failure.stderr?.trim() || failure.message);
    throw new ConfigRepoError(`cannot read the config repo ${where}: git ${args.find((arg) => !arg.startsWith('-') && !arg.includes('='))} failed: ${said}`, {
      cause: error,
    });
  }
}

/** The repository URL with any credentials in it masked: `https://user:***@host/…`, `https://***@host/…` for a token. */
export function maskRepoUrl(url: string): string {
  return maskCredentials(url);
}

function maskCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@'"]+)@/gi, (_match, scheme: string, userinfo: string) => {
    if (userinfo.includes(':')) return `${scheme}${userinfo.slice(0, userinfo.indexOf(':'))}:***@`;
    // A lone user name over ssh is an account (git@); over http(s) it is usually a token.
    return scheme.toLowerCase().startsWith('ssh') ? `${scheme}${userinfo}@` : `${scheme}***@`;
  });
}
