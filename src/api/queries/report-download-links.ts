import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../errors.js';

/**
 * The API's own download links, for report files in local folders (an S3 folder presigns its links): anyone holding
 * the link may download the file until it expires, as with S3, without a key.
 */
export interface DownloadLink {
  readonly courseId: string;
  readonly reportName: string;
  /** Unix seconds. */
  readonly expires: number;
}

export const DOWNLOAD_PATH = '/report-downloads/';

/** `{root}/report-downloads/{course id, one segment}/{report}/?expires=…&signature=…`. */
export function signedDownloadUrl(root: string, signingKey: string, link: DownloadLink): string {
  const base = root.replace(/\/+$/, '');
  const query = `expires=${link.expires}&signature=${downloadSignature(signingKey, link)}`;
  return `${base}${DOWNLOAD_PATH}${encodeURIComponent(link.courseId)}/${encodeURIComponent(link.reportName)}/?${query}`;
}

/** Throws 403 unless the signature is the one this key makes for the link and the link has not expired. */
export function checkDownloadSignature(signingKey: string, courseId: string, reportName: string, query: { expires?: string; signature?: string }, now: Date): void {
  const { expires, signature } = query;
  if (expires === undefined || !/^\d{1,12}$/.test(expires) || signature === undefined || !/^[0-9a-f]{64}$/.test(signature)) {
    throw new ApiError('download_link_invalid', 'The download link is incomplete: it needs its expires and signature parameters.');
  }
  const link = { courseId, reportName, expires: Number(expires) };
  const expected = Buffer.from(downloadSignature(signingKey, link), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    throw new ApiError('download_link_invalid', 'The download link is not valid: its signature does not match.');
  }
  if (link.expires * 1000 <= now.getTime()) {
    throw new ApiError('download_link_invalid', 'The download link has expired: ask the reports endpoint for a new one.');
  }
}

/** Hex HMAC-SHA256 over the course id, report name and expiry, encoded unambiguously. */
function downloadSignature(signingKey: string, link: DownloadLink): string {
  return createHmac('sha256', signingKey).update(JSON.stringify([link.courseId, link.reportName, link.expires])).digest('hex');
}
