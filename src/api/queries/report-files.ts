import path from 'node:path';
import type { ReportFolder, StoredReportFile } from '../../store/report-folder/report-folder.js';
import type { ReportsStore } from '../../store/reports-store.js';
import { ApiError } from '../errors.js';
import { safeCourseId } from '../legacy/course-key.js';

/** The reports the API hands out (legacy ENABLED_REPORT_IDENTIFIERS). */
export const ENABLED_REPORTS: readonly string[] = ['problem_response'];

export interface ReportFileSource {
  readonly store: ReportsStore;
  readonly reportFolder: (location: string) => ReportFolder;
}

export interface FoundReportFile {
  /** Open on the file's folder: the caller closes it. */
  readonly folder: ReportFolder;
  readonly file: StoredReportFile;
}

/**
 * The file a report task recorded in course_report_files for the course (the latest if several), as its folder
 * sees it now. 404 `report_file_not_found` for a report that is not enabled, no row, or a file that is gone.
 * Served by the (course_id, report_name) index.
 */
export async function findReportFile(source: ReportFileSource, courseId: string, reportName: string): Promise<FoundReportFile> {
  const notFound = new ApiError('report_file_not_found', `Could not find report '${reportName}' for course ${courseId}.`);
  if (!ENABLED_REPORTS.includes(reportName)) throw notFound;
  const row = await source.store.db
    .selectFrom('course_report_files')
    .select(['file_name', 'location'])
    .where('course_id', '=', courseId)
    .where('report_name', '=', reportName)
    .orderBy('last_modified', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) throw notFound;
  const folder = source.reportFolder(folderOf(row.location));
  try {
    const file = await folder.stat(row.file_name);
    if (!file) throw notFound;
    return { folder, file };
  } catch (error) {
    folder.close();
    throw error;
  }
}

/** `/data/reports` for `/data/reports/x.csv`, `s3://bucket/prefix` for `s3://bucket/prefix/x.csv`. */
export function folderOf(location: string): string {
  const cut = Math.max(location.lastIndexOf('/'), location.lastIndexOf(path.sep));
  return location.slice(0, cut);
}

/**
 * The name a download is saved as: `{filename-safe course id}-{report}-{YYYYmmddTHHMMSSZ}.csv`, stamped with the
 * file's last modification, so that every download of one version of the file has the same name.
 */
export function reportDownloadName(courseId: string, reportName: string, lastModified: Date): string {
  const stamp = lastModified.toISOString().slice(0, 19).replace(/[-:]/g, '');
  return `${safeCourseId(courseId)}-${reportName}-${stamp}Z.csv`;
}
