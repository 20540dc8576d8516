import { useMemo } from 'react';
import { DataTable, type Column } from '../components/DataTable.js';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { UpdatedFooter } from '../components/Footer.js';
import { CORRECT_COLOR, INCORRECT_COLOR } from '../charts/stacked-bar.js';
import { courseFilePrefix } from '../lib/course-id.js';
import { formatNumber, formatPercent } from '../lib/format.js';
import { Link } from '../lib/router.js';
import { csvDataUrl, toCsv } from '../presenters/csv.js';
import type { ProblemEntry, SubmissionStats } from '../presenters/performance.js';
import { formatAverage, StackedBarChart } from './drilldown-shared.js';

export const PROBLEMS_TIP = 'These bars show the correct and incorrect submission counts for each problem. Only the last submission from each learner is counted.';
export const GROUP_TIP = 'Each bar shows the average number of correct and incorrect submissions for problems in the assignment. Only the last submission from each learner is counted.';

export type GroupRow = SubmissionStats & { id: string; order: number; name: string; href: string | null };

/** A level listing groups of problems (assignments, sections, subsections, outcomes) with per-problem averages. */
export function GroupSubmissions({ courseId, rows, nameHeader, caption, title, question, tooltip, problems, what }: {
  courseId: string;
  rows: ReadonlyArray<GroupRow>;
  nameHeader: string;
  caption: string;
  title: string;
  question?: string;
  tooltip: string;
  /** Rows whose newest `created` dates the footer. */
  problems: ReadonlyArray<{ created?: string | null }>;
  what: string;
}) {
  const input = useMemo(() => ({
    categories: rows.map((r) => r.name),
    series: [
      { name: 'Average Correct', values: rows.map((r) => r.averageCorrect), color: CORRECT_COLOR },
      { name: 'Average Incorrect', values: rows.map((r) => r.averageIncorrect), color: INCORRECT_COLOR },
    ],
    yAxisName: 'Submissions',
  }), [rows]);
  const hrefs = useMemo(() => rows.map((r) => r.href), [rows]);
  const columns: Array<Column<GroupRow>> = [
    { key: 'order', header: 'Order', cell: (r) => r.order, numeric: true },
    { key: 'name', header: nameHeader, cell: (r) => (r.href ? <Link href={r.href}>{r.name}</Link> : r.name) },
    { key: 'problems', header: 'Problems', cell: (r) => formatNumber(r.problems), numeric: true },
    { key: 'correct', header: 'Average Correct', cell: (r) => formatAverage(r.averageCorrect), numeric: true },
    { key: 'incorrect', header: 'Average Incorrect', cell: (r) => formatAverage(r.averageIncorrect), numeric: true },
    { key: 'submissions', header: 'Average Submissions Per Problem', cell: (r) => formatAverage(r.averageSubmissions), numeric: true },
    { key: 'percent', header: 'Percentage Correct', cell: (r) => formatPercent(r.percentCorrect), numeric: true },
  ];
  const csv = csvDataUrl(toCsv(
    ['Order', nameHeader, 'Problems', 'Average Correct', 'Average Incorrect', 'Average Submissions Per Problem', 'Percentage Correct'],
    rows.map((r) => [r.order, r.name, r.problems, round1(r.averageCorrect), round1(r.averageIncorrect), round1(r.averageSubmissions), (r.percentCorrect * 100).toFixed(1)]),
  ));
  return (
    <>
      <StackedBarChart input={input} what={what} title={title} question={question} tooltip={tooltip} hrefs={hrefs}
        download={<DownloadCsv href={csv} filename={`${courseFilePrefix(courseId)}--performance-${slug(caption)}.csv`} context={caption} />}
        table={<DataTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} />} />
      <UpdatedFooter label="Problem submission data" rows={problems} />
    </>
  );
}

/** A level listing problems: correct and incorrect counts, with links to their answer distribution. */
export function ProblemSubmissions({ courseId, problems, rows, href, title, question }: {
  courseId: string;
  problems: ReadonlyArray<ProblemEntry>;
  /** Rows whose newest `created` dates the footer. */
  rows: ReadonlyArray<{ created?: string | null }>;
  href: (p: ProblemEntry) => string | null;
  title: string;
  question?: string;
}) {
  const input = useMemo(() => ({
    categories: problems.map((p) => p.name),
    series: [
      { name: 'Correct', values: problems.map((p) => p.correct), color: CORRECT_COLOR },
      { name: 'Incorrect', values: problems.map((p) => p.incorrect), color: INCORRECT_COLOR },
    ],
    yAxisName: 'Submissions',
  }), [problems]);
  const hrefs = useMemo(() => problems.map((p) => href(p)), [problems, href]);
  const columns: Array<Column<ProblemEntry>> = [
    { key: 'order', header: 'Order', cell: (r) => r.order, numeric: true },
    { key: 'name', header: 'Problem Name', cell: (r) => { const h = href(r); return h ? <Link href={h}>{r.name}</Link> : r.name; } },
    { key: 'correct', header: 'Correct', cell: (r) => formatNumber(r.correct), numeric: true },
    { key: 'incorrect', header: 'Incorrect', cell: (r) => formatNumber(r.incorrect), numeric: true },
    { key: 'total', header: 'Total', cell: (r) => formatNumber(r.total), numeric: true },
    { key: 'percent', header: 'Percentage Correct', cell: (r) => formatPercent(r.percentCorrect), numeric: true },
  ];
  const csv = csvDataUrl(toCsv(
    ['Order', 'Problem Name', 'Correct', 'Incorrect', 'Total', 'Percentage Correct'],
    problems.map((r) => [r.order, r.name, r.correct, r.incorrect, r.total, (r.percentCorrect * 100).toFixed(1)]),
  ));
  return (
    <>
      <StackedBarChart input={input} what="Problem submissions" title={title} question={question} tooltip={PROBLEMS_TIP} hrefs={hrefs}
        download={<DownloadCsv href={csv} filename={`${courseFilePrefix(courseId)}--performance-problem-submissions.csv`} context="Problem Submissions" />}
        table={<DataTable caption="Problem Submissions" columns={columns} rows={problems} rowKey={(r) => r.id} />} />
      <UpdatedFooter label="Problem submission data" rows={rows} />
    </>
  );
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
