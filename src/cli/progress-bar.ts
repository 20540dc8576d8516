import cliProgress from 'cli-progress';
import { silentProgress, type Progress } from '../events/progress.js';

/** A progress bar on stderr when it is a terminal; nothing otherwise (logs and pipes stay clean). */
export function terminalProgress(): Progress {
  if (!process.stderr.isTTY) return silentProgress;
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(phase, total) {
      bar = new cliProgress.SingleBar(
        { format: `${phase.padEnd(8)} [{bar}] {value}/{total} {percentage}% {duration_formatted}`, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    advance(count = 1) {
      bar?.increment(count);
    },
    finish() {
      bar?.update(bar.getTotal());
      bar?.stop();
      bar = undefined;
    },
  };
}
