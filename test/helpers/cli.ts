import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in-process and returns its exit code and what it printed. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((text: unknown) => void out.push(String(text)));
  const error = vi.spyOn(console, 'error').mockImplementation((text: unknown) => void err.push(String(text)));
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((text: string | Uint8Array) => (out.push(String(text)), true));
  const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => (err.push(String(text)), true));
  try {
    const code = await main(argv);
    process.exitCode = undefined;
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    writeErr.mockRestore();
  }
}
