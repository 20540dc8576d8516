import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { DownloadCsv } from '../components/DownloadCsv.js';
import { UpdatedFooter } from '../components/Footer.js';
import { InfoTip } from '../components/InfoTip.js';
import { MetricCard, MetricCards } from '../components/MetricCard.js';
import { Alert, Loading, LoadError } from '../components/States.js';
import { csvUrl, dataUrl } from '../lib/api.js';
import { formatChange, formatNumber, formatShortDate } from '../lib/format.js';
import { Link, navigate, useLocation } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import type { CourseSummary, Program } from '../lib/types.js';
import { useData } from '../lib/use-data.js';
import {
  AVAILABILITY, filterCourses, PACING, pageCount, pageOf, parseListState, programIndex, serializeListState,
  sortCourses, summaryTotals, type ListState, type SortKey,
} from '../presenters/course-list.js';
import { ForbiddenPage } from './ErrorPages.js';

/** Above this many ids the list asks for every summary and filters locally (as the legacy cutoff). */
const IDS_CUTOFF = 100;

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; tooltip: string; numeric?: boolean }> = [
  { key: 'catalog_course_title', label: 'Course Name', tooltip: 'Course name advertised on edX site.' },
  { key: 'start_date', label: 'Start Date', tooltip: 'Start date advertised on edX site.' },
  { key: 'end_date', label: 'End Date', tooltip: 'End date set in edX Studio.' },
  { key: 'cumulative_count', label: 'Total Enrollment', tooltip: 'Learners who ever enrolled in the course.', numeric: true },
  { key: 'count', label: 'Current Enrollment', tooltip: 'Learners currently enrolled in the course.', numeric: true },
  { key: 'count_change_7_days', label: 'Change Last Week', tooltip: 'Net difference in current enrollment in the last week.', numeric: true },
  { key: 'verified_enrollment', label: 'Verified Enrollment', tooltip: 'Number of currently enrolled learners pursuing a verified certificate of achievement.', numeric: true },
];

function DateCell({ value }: { value: string | null }) {
  const text = formatShortDate(value);
  return text ? <>{text}</> : <><span aria-hidden="true">--</span><span className="sr-only">Date not available</span></>;
}

export default function CourseIndexPage() {
  const { session } = useSession();
  const ids = session.courses;
  const summariesUrl = ids === null || ids.length > IDS_CUTOFF
    ? dataUrl('course_summaries/', { exclude: 'programs' })
    : dataUrl('course_summaries/', { course_ids: ids.join(','), exclude: 'programs' });
  const summaries = useData<CourseSummary[]>(ids !== null && ids.length === 0 ? null : summariesUrl);
  const programs = useData<Program[]>(ids !== null && ids.length === 0 ? null : dataUrl('programs/'));
  useEffect(() => { document.title = 'Courses | Lantern Insights'; }, []);

  if (ids !== null && ids.length === 0) return <ForbiddenPage />;
  if (summaries.state === 'loading') return <Loading what="courses" />;
  if (summaries.state === 'forbidden') return <ForbiddenPage />;
  if (summaries.state === 'error') return <LoadError what="this data" detail={summaries.message} />;
  const all = summaries.state === 'ok'
    ? (ids === null ? summaries.data : summaries.data.filter((c) => ids.includes(c.course_id)))
    : [];
  const programList = programs.state === 'ok' ? programs.data : [];
  const csvHref = csvUrl(ids === null || ids.length > IDS_CUTOFF
    ? dataUrl('course_summaries/', { exclude: 'programs,created' })
    : dataUrl('course_summaries/', { course_ids: ids.join(','), exclude: 'programs,created' }));
  return <CourseList courses={all} programs={programList} csvHref={csvHref} />;
}

function CourseList({ courses, programs, csvHref }: { courses: CourseSummary[]; programs: Program[]; csvHref: string }) {
  const { search } = useLocation();
  const { state, valid } = parseListState(search);
  const byProgram = useMemo(() => programIndex(programs), [programs]);
  const totals = useMemo(() => summaryTotals(courses), [courses]);
  const filtered = useMemo(() => sortCourses(filterCourses(courses, state, byProgram), state.sort, state.order),
    [courses, byProgram, search]);
  const pages = pageCount(filtered.length);
  const page = Math.min(state.page, pages);
  const rows = pageOf(filtered, page);
  const update = (patch: Partial<ListState>, replace = false) => {
    navigate(`/courses/${serializeListState({ ...state, page: 1, ...patch })}`, { replace });
  };
  const [csvName] = useState(() => `${new Date().toISOString()}--course-list.csv`);
  const resultsId = useId();

  if (courses.length === 0) {
    return (
      <div className="page">
        <h1 className="page-title">Courses</h1>
        <Alert title="No course data is currently available for your course.">
          <p>No courses are enrolled, or course activity data has not yet been processed. Data is updated every day, so check back regularly for up-to-date metrics.</p>
        </Alert>
      </div>
    );
  }

  const chips: Array<{ label: string; remove: () => void }> = [
    ...state.availability.map((a) => ({ label: `Availability: ${a}`, remove: () => update({ availability: state.availability.filter((x) => x !== a) }) })),
    ...state.pacing.map((p) => ({ label: `Pacing Type: ${PACING.find((x) => x.value === p)?.label ?? p}`, remove: () => update({ pacing: state.pacing.filter((x) => x !== p) }) })),
    ...state.programs.map((p) => ({ label: `Program: ${programs.find((x) => x.program_id === p)?.program_title ?? p}`, remove: () => update({ programs: state.programs.filter((x) => x !== p) }) })),
    ...(state.search ? [{ label: `"${state.search}"`, remove: () => update({ search: '' }) }] : []),
  ];

  return (
    <div className="page course-index">
      <h1 className="page-title">Courses</h1>
      <MetricCards title="Across all your courses:">
        <MetricCard label="Total Enrollment" value={formatNumber(totals.totalEnrollment)} tooltip="Total enrollments across all of your courses." />
        <MetricCard label="Current Enrollment" value={formatNumber(totals.currentEnrollment)} tooltip="Current enrollments across all of your courses." />
        <MetricCard label="Change in Last Week" value={formatChange(totals.changeLastWeek)} tooltip="Total change in enrollment last week across all of your courses." />
        <MetricCard label="Verified Enrollment" value={formatNumber(totals.verifiedEnrollment)} tooltip="Verified enrollments across all of your courses." />
        {totals.hasMasters ? <MetricCard label="Master's Enrollment" value={formatNumber(totals.mastersEnrollment)} tooltip="Master's enrollments across all of your courses." /> : null}
      </MetricCards>

      <h2 className="section-title">Course List</h2>
      <a className="skip-link" href={`#${resultsId}`}>Skip to results</a>
      <div className="course-list-layout">
        <aside className="filters" aria-label="Course filters">
          <SearchBox value={state.search} onChange={(v) => update({ search: v }, true)} />
          <CheckboxGroup legend="Availability" options={AVAILABILITY.map((a) => ({ value: a, label: a }))}
            selected={state.availability} onChange={(availability) => update({ availability })} />
          <CheckboxGroup legend="Pacing Type" options={PACING.map((p) => ({ value: p.value, label: p.label }))}
            selected={state.pacing} onChange={(pacing) => update({ pacing })} />
          {programs.length > 0 ? (
            <CheckboxGroup legend="Programs" options={programs.map((p) => ({ value: p.program_id, label: p.program_title ?? p.program_id }))}
              selected={state.programs} onChange={(p) => update({ programs: p })} />
          ) : null}
        </aside>
        <div className="course-results">
          {!valid ? (
            <Alert kind="warning" title="Invalid Parameters"><p>Sorry, we couldn&apos;t find any courses that matched that query.</p></Alert>
          ) : null}
          <div className="results-bar">
            <div aria-live="polite" className="active-filters">
              {chips.length > 0 ? (
                <>
                  <span className="filters-label">Filters In Use:</span>
                  <ul className="chips">
                    {chips.map((c) => (
                      <li key={c.label}>
                        <button type="button" className="chip" onClick={c.remove} aria-label={`Remove filter ${c.label}`}>
                          {c.label} <span aria-hidden="true">×</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="link-button" onClick={() => navigate('/courses/')}>Clear<span className="sr-only"> all filters</span></button>
                </>
              ) : null}
            </div>
            <DownloadCsv href={csvHref} filename={csvName} context="Download full course list to CSV" />
          </div>
          <p className="result-count" aria-live="polite">Number of results: {formatNumber(filtered.length)}</p>
          <div id={resultsId} tabIndex={-1}>
            {filtered.length === 0 ? (
              <Alert title="No courses matched your criteria.">
                <ul><li>Try a different search.</li><li>Try clearing the filters.</li></ul>
              </Alert>
            ) : (
              <CourseTable rows={rows} state={state} onSort={(key) => update({ sort: key, order: state.sort === key && state.order === 'asc' ? 'desc' : 'asc' })} />
            )}
            {pages > 1 ? <Pager page={page} pages={pages} onPage={(p) => update({ page: p })} /> : null}
          </div>
        </div>
      </div>
      <UpdatedFooter label="Course summary data" rows={courses} />
    </div>
  );
}

function SearchBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const id = useId();
  return (
    <form role="search" className="search-box" onSubmit={(e) => { e.preventDefault(); onChange(text.trim()); }}>
      <label htmlFor={id}>Find a course</label>
      <div className="search-row">
        <input id={id} type="search" value={text} placeholder="Course name or ID"
          onChange={(e) => setText(e.target.value)} onBlur={() => { if (text.trim() !== value) onChange(text.trim()); }} />
        {text ? <button type="button" className="clear-search" aria-label="Clear search" onClick={() => { setText(''); onChange(''); }}>×</button> : null}
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

function CheckboxGroup({ legend, options, selected, onChange }: {
  legend: string; options: Array<{ value: string; label: string }>; selected: string[]; onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" checked={selected.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function CourseTable({ rows, state, onSort }: { rows: CourseSummary[]; state: ListState; onSort: (k: SortKey) => void }) {
  const cell = (c: CourseSummary, key: SortKey): ReactNode => {
    switch (key) {
      case 'catalog_course_title':
        return (
          <>
            <Link href={`/courses/${c.course_id}/`} className="course-link">{c.catalog_course_title || c.course_id}</Link>
            <div className="course-id">{c.course_id}</div>
          </>
        );
      case 'start_date': return <DateCell value={c.start_date} />;
      case 'end_date': return <DateCell value={c.end_date} />;
      case 'verified_enrollment': return formatNumber(c.enrollment_modes?.verified?.count ?? 0);
      case 'count_change_7_days': return formatChange(c.count_change_7_days);
      default: return formatNumber(c[key]);
    }
  };
  return (
    <div className="table-scroll" role="region" aria-label="Course list" tabIndex={0}>
      <table className="course-table">
        <caption className="sr-only">Course list, sorted by {COLUMNS.find((c) => c.key === state.sort)?.label} {state.order === 'asc' ? 'ascending' : 'descending'}</caption>
        <thead>
          <tr>
            {COLUMNS.map((col) => (
              <th key={col.key} scope="col" className={col.numeric ? 'num' : undefined}
                aria-sort={state.sort === col.key ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="sort-button" onClick={() => onSort(col.key)}>
                  {col.label}
                  <span aria-hidden="true" className="sort-mark">{state.sort === col.key ? (state.order === 'asc' ? '▲' : '▼') : '↕'}</span>
                </button>
                <InfoTip text={col.tooltip} label={`About ${col.label}`} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.course_id}>
              {COLUMNS.map((col, i) => i === 0
                ? <th key={col.key} scope="row">{cell(c, col.key)}</th>
                : <td key={col.key} className={col.numeric ? 'num' : undefined}>{cell(c, col.key)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (p: number) => void }) {
  const nums = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => Math.abs(p - page) <= 2 || p === 1 || p === pages);
  return (
    <nav className="pager" aria-label="Course list pages">
      <button type="button" disabled={page === 1} onClick={() => onPage(1)}>First</button>
      <button type="button" disabled={page === 1} onClick={() => onPage(page - 1)}>Previous</button>
      {nums.map((p) => (
        <button key={p} type="button" aria-current={p === page ? 'page' : undefined} onClick={() => onPage(p)}>
          <span className="sr-only">Page </span>{p}
        </button>
      ))}
      <button type="button" disabled={page === pages} onClick={() => onPage(page + 1)}>Next</button>
      <button type="button" disabled={page === pages} onClick={() => onPage(pages)}>Last</button>
    </nav>
  );
}
