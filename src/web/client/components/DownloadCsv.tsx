/** "Download CSV" link to the data API resource as CSV, with screen-reader context and a legacy file name. */
export function DownloadCsv({ href, filename, context }: { href: string; filename: string; context: string }) {
  return (
    <a className="button button-download" href={href} download={filename}>
      Download CSV<span className="sr-only"> {context}</span>
    </a>
  );
}
