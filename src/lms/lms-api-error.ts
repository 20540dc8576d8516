/** Why an LMS REST call failed; `status` is the HTTP status when the LMS answered (undefined when unreachable). */
export class LmsApiError extends Error {
  readonly url: string;
  readonly status: number | undefined;

  constructor(url: string, status: number | undefined, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LmsApiError';
    this.url = url;
    this.status = status;
  }
}
