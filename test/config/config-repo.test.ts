import { readdir } from 'node:fs/promises';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigRepoError, maskRepoUrl, readConfigFromRepo } from '../../src/config/config-repo.js';
import { loadSettings } from '../../src/config/load-settings.js';
import { tempDir } from '../helpers/temp.js';
import { makeConfigRepo, type ConfigRepo } from './git-repo.js';

describe('a config file kept in a git repository', () => {
  let repo: ConfigRepo;
  beforeAll(async () => {
    repo = await makeConfigRepo(await tempDir(), [
      { branch: 'main', files: { 'lantern/site.cfg': '[engine]\nthreads = 1\n' } },
      { branch: 'main', files: { 'lantern/site.cfg': '[engine]\nthreads = 2\n' } },
      { branch: 'prod', files: { 'lantern/site.cfg': '[engine]\nthreads = 3\n' }, tag: 'release-7' },
    ]);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads the default branch, a branch, a tag and a commit that is no branch tip, and removes its clone', async () => {
    // Clones go to a folder of this test's own, so it can check that none is left behind.
    const scratch = await tempDir();
    vi.stubEnv('TMPDIR', scratch);
    const read = async (ref?: string) => readConfigFromRepo({ url: repo.url, path: 'lantern/site.cfg', ...(ref ? { ref } : {}) });
    expect((await read()).text).toBe('[engine]\nthreads = 2\n');
    expect(await read('prod')).toEqual({ text: '[engine]\nthreads = 3\n', commit: repo.commits[2], label: `repo ${repo.url}:lantern/site.cfg@prod` });
    expect((await read('release-7')).commit).toBe(repo.commits[2]);
    // --branch cannot take a commit: this one needs the full clone and a checkout.
    expect(await read(repo.commits[0]!.slice(0, 12))).toMatchObject({ text: '[engine]\nthreads = 1\n', commit: repo.commits[0] });
    expect(await readdir(scratch)).toEqual([]);
  });

  it('is a settings layer with a ref, named in the source', async () => {
    const settings = await loadSettings({ env: {}, configRepo: { url: repo.url, path: 'lantern/site.cfg', ref: 'prod' } });
    expect(settings.values.engineThreads).toBe(3);
    expect(settings.origins.engineThreads.label).toBe(`repo ${repo.url}:lantern/site.cfg@prod`);
  });

  it("names the URL and git's complaint when a ref or a path is missing", async () => {
    await expect(readConfigFromRepo({ url: repo.url, path: 'lantern/site.cfg', ref: 'staging' })).rejects.toThrow(
      new RegExp(`cannot read the config repo ${repo.url}: git clone failed: .*Remote branch staging not found`, 's'),
    );
    await expect(readConfigFromRepo({ url: repo.url, path: 'lantern/site.cfg', ref: 'abcdef1234' })).rejects.toThrow(
      /git checkout failed: .*abcdef1234/s,
    );
    await expect(readConfigFromRepo({ url: repo.url, path: 'lantern/other.cfg', ref: 'prod' })).rejects.toThrow(
      `the config repo ${repo.url} has no file "lantern/other.cfg" at prod`,
    );
    await expect(readConfigFromRepo({ url: repo.url, path: '../../etc/passwd' })).rejects.toThrow(/is outside the repository/);
  });

  it('masks credentials in the URL, in its messages and in what git said', async () => {
    expect(maskRepoUrl('https://deploy:s3cret@git.example.com/site/config.git')).toBe('https://deploy:***@git.example.com/site/config.git');
    expect(maskRepoUrl('https://ghp_token123@github.com/site/config.git')).toBe('https://***@github.com/site/config.git');
    expect(maskRepoUrl('ssh://git@git.example.com/site/config.git')).toBe('ssh://git@git.example.com/site/config.git');
    // Port 9 on the loopback refuses at once.
    const error = (await readConfigFromRepo({ url: 'http://deploy:s3cret@127.0.0.1:9/config.git', path: 'site.cfg' }).catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(ConfigRepoError);
    expect(error.message).toMatch(/^cannot read the config repo http:\/\/deploy:\*\*\*@127\.0\.0\.1:9\/config\.git: git clone failed: /);
    expect(error.message).not.toContain('s3cret');
  });

  it('refuses a ref that git would take for an option', async () => {
    await expect(readConfigFromRepo({ url: repo.url, path: 'lantern/site.cfg', ref: '--upload-pack=touch /tmp/x' })).rejects.toThrow(/is not a git ref/);
  });
});
