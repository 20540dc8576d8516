/** Rows one at a time or already in arrays, from a generator, a cursor or a plain array. */
export type RowSource<R> = Iterable<R | readonly R[]> | AsyncIterable<R | readonly R[]>;

/** Regroups a row source into arrays of at most `size` rows (the last may be shorter; none is empty). */
export async function* rowBatches<R extends object>(source: RowSource<R>, size: number): AsyncGenerator<R[]> {
  let batch: R[] = [];
  for await (const item of source) {
    const rows = Array.isArray(item) ? (item as readonly R[]) : [item as R];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** The most rows per INSERT: what the bind-parameter limit allows, capped to keep statements and packets small. */
export function rowsPerInsert(columns: number, maxBindParameters: number, cap = 5_000): number {
  return Math.max(1, Math.min(cap, Math.floor(maxBindParameters / Math.max(1, columns))));
}
