/** Small helpers for readable command output. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

export function bytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? amount : amount.toFixed(1)} ${units[unit]}`;
}

export function dayRanges(days: readonly string[]): string {
  if (days.length === 0) return '';
  const ranges: string[] = [];
  let start = days[0]!;
  let previous = start;
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const day of days.slice(1)) {
    if (day === next(previous)) {
      previous = day;
      continue;
    }
    ranges.push(start === previous ? start : `${start}..${previous}`);
    start = previous = day;
  }
  ranges.push(start === previous ? start : `${start}..${previous}`);
  return ranges.join(', ');
}
