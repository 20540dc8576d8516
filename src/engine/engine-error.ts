/** A failure inside the compute engine, with a stable code for callers and exit codes. */
export class EngineError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** The engine read other lengths than the files' gzip trailers give (damaged streams): they must be read another way. */
export class ContentLengthMismatch extends EngineError {
  /** The files (by SpooledFile.index) whose content length did not match. */
  readonly indexes: readonly number[];

  constructor(indexes: readonly number[]) {
    super('ENGINE_CONTENT_LENGTH', `the content of ${indexes.length} gzip file(s) did not read to the length their trailer gives`);
    this.name = 'ContentLengthMismatch';
    this.indexes = indexes;
  }
}
