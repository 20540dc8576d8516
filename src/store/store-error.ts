/** A failure in the reports store, with a stable code for callers and exit codes. */
export class StoreError extends Error {
  readonly code: 'STORE_CONNECT' | 'STORE_MIGRATE' | 'STORE_VALUE' | 'STORE_WRITE';

  constructor(code: StoreError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/** A driver error's message; connection failures to several addresses arrive as an AggregateError with none. */
export function describeCause(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return [...new Set(error.errors.map(describeCause))].join('; ');
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name;
  return String(error);
}
