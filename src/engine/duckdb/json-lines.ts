import { closeSync, openSync, readSync } from 'node:fs';
import type { RowList } from '../engine.js';

/**
 * Bytes read at a time, into one buffer reused for the whole file. Text decoded from it stays under V8's large-object
 * size, so it is made in the young generation and dies there: on these machines first touching fresh memory is the
 * dearest part of reading a large result (70 MB of problem responses read and parsed: 0.3 CPU-s against 0.9 for
 * 1 MiB chunks each decoded into a string of its own).
 */
const CHUNK_BYTES = 1 << 16;
const NEWLINE = 0x0a;

/**
 * The `rows` rows of a file of JSON lines (one JSON text per line), read and parsed as they are iterated: a consumer
 * that handles rows one after another (a publish, a report writer) never holds them all parsed. Each iteration reads
 * the file again, so it must outlive the iterations.
 */
export function jsonLinesFile<T>(file: string, rows: number): RowList<T> {
  return {
    length: rows,
    *[Symbol.iterator]() {
      for (const { bytes, end } of lineChunks(file)) {
        for (const line of bytes.toString('utf8', 0, end).split('\n')) if (line !== '') yield JSON.parse(line) as T;
      }
    },
  };
}

/**
 * The file's content in pieces of whole lines: `bytes[0, end)`, valid until the next piece is asked for (the buffer
 * is reused; it grows to hold a line longer than it).
 */
function* lineChunks(file: string): Generator<{ bytes: Buffer; end: number }> {
  const fd = openSync(file, 'r');
  try {
    let bytes = Buffer.allocUnsafe(CHUNK_BYTES);
    let held = 0;
    for (;;) {
      if (held === bytes.length) {
        const larger = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(larger, 0, 0, held);
        bytes = larger;
      }
      const read = readSync(fd, bytes, held, bytes.length - held, null);
      const filled = held + read;
      if (read === 0) {
        if (filled > 0) yield { bytes, end: filled };
        return;
      }
      const end = bytes.lastIndexOf(NEWLINE, filled - 1);
      if (end < held) {
        // No line ends in what was just read (a long line): read on.
        held = filled;
        continue;
      }
      yield { bytes, end };
      held = bytes.copy(bytes, 0, end + 1, filled);
    }
  } finally {
    closeSync(fd);
  }
}
