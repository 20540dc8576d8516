/** One page of a list, shaped as edx-platform's paginated APIs answer (`results` and `pagination`). */
export interface Page<T> {
  results: T[];
  pagination: { next: string | null; previous: string | null; count: number; num_pages: number };
}

export interface PageLimits {
  readonly defaultSize: number;
  readonly maxSize: number;
}

/**
 * The page `?page=N&page_size=M` of `items` (Django REST framework page numbers: a page size above the maximum is
 * cut to it; an empty list still has page 1). Undefined when the page does not exist (the API answers 404).
 * `url` is the absolute request URL; `next` and `previous` are it with another page number.
 */
export function pageOf<T>(items: readonly T[], url: URL, limits: PageLimits): Page<T> | undefined {
  const requestedSize = Number.parseInt(url.searchParams.get('page_size') ?? '', 10);
  const size = requestedSize > 0 ? Math.min(requestedSize, limits.maxSize) : limits.defaultSize;
  const pageText = url.searchParams.get('page') ?? '1';
  const numPages = Math.max(1, Math.ceil(items.length / size));
  const page = pageText === 'last' ? numPages : Number(pageText);
  if (!Number.isInteger(page) || page < 1 || page > numPages) return undefined;
  const link = (target: number) => {
    const other = new URL(url);
    other.searchParams.set('page', String(target));
    return other.href;
  };
  return {
    results: items.slice((page - 1) * size, page * size),
    pagination: {
      next: page < numPages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      count: items.length,
      num_pages: numPages,
    },
  };
}
