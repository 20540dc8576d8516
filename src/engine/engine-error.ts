/** A failure inside the compute engine, with a stable code for callers and exit codes. */
export class EngineError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** The engine read some gzip files to other lengths than zlib did: they must be read another way. */
export class ContentLengthMismatch extends EngineError {
  /** The files (by SpooledFile.index) whose content length did not match. */
  readonly indexes: readonly number[];

  constructor(indexes: readonly number[]) {
    super('ENGINE_CONTENT_LENGTH', `${indexes.length} gzip file(s) read to another length than zlib read them`);
    this.name = 'ContentLengthMismatch';
    this.indexes = indexes;
  }
}
