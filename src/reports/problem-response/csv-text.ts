/**
 * CSV as Python's csv module writes it by default (the legacy reports' format): fields quoted only when they hold
 * a comma, a double quote or a line break, quotes doubled, lines ended by CRLF.
 */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
