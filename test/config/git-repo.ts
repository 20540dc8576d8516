import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd: string, ...args: string[]): Promise<string> {
  const identity = ['-c', 'user.name=Lantern Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false'];
  const { stdout } = await run('git', [...identity, ...args], { cwd });
  return stdout.trim();
}

export interface ConfigRepo {
  /** A file:// URL of the bare repository. */
  readonly url: string;
  /** Commit sha of each commit, in the order made. */
  readonly commits: readonly string[];
}

/**
 * A bare repository under `root` made from commits on branches: each commit writes its files on its branch (a new
 * branch starts from `main`'s last commit). `main` is the default branch.
 */
export async function makeConfigRepo(
  root: string,
  commits: readonly { readonly branch: string; readonly files: Record<string, string>; readonly tag?: string }[],
): Promise<ConfigRepo> {
  const work = path.join(root, 'work');
  await mkdir(work, { recursive: true });
  await git(work, 'init', '--quiet', '--initial-branch=main');
  const shas: string[] = [];
  const branches = new Set(['main']);
  for (const commit of commits) {
    if (shas.length > 0) {
      await git(work, 'checkout', '--quiet', ...(branches.has(commit.branch) ? [commit.branch] : ['-b', commit.branch, 'main']));
    }
    branches.add(commit.branch);
    for (const [name, text] of Object.entries(commit.files)) {
      await mkdir(path.dirname(path.join(work, name)), { recursive: true });
      await writeFile(path.join(work, name), text);
    }
    await git(work, 'add', '--all');
    await git(work, 'commit', '--quiet', '-m', `config ${shas.length + 1}`);
    if (commit.tag) await git(work, 'tag', commit.tag);
    shas.push(await git(work, 'rev-parse', 'HEAD'));
  }
  await git(work, 'checkout', '--quiet', 'main');
  const bare = path.join(root, 'config.git');
  await git(root, 'clone', '--quiet', '--bare', work, bare);
  return { url: `file://${bare}`, commits: shas };
}
