import { useEffect, useState } from 'react';
import { ApiError, requestJson } from './api.js';

export type DataState<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  /** 404: the data API has no data for this resource. */
  | { state: 'empty' }
  | { state: 'forbidden' }
  | { state: 'error'; message: string };

/** Loads JSON from `url` (null: do nothing); re-loads when the URL changes. */
export function useData<T>(url: string | null): DataState<T> {
  const [result, setResult] = useState<{ url: string | null; value: DataState<T> }>({ url, value: { state: 'loading' } });
  useEffect(() => {
    if (url === null) return;
    let live = true;
    requestJson<T>(url).then(
      (data) => { if (live) setResult({ url, value: { state: 'ok', data } }); },
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) setResult({ url, value: { state: 'empty' } });
        else if (err instanceof ApiError && err.status === 403) setResult({ url, value: { state: 'forbidden' } });
        else setResult({ url, value: { state: 'error', message: err instanceof Error ? err.message : String(err) } });
      },
    );
    return () => { live = false; };
  }, [url]);
  return result.url === url ? result.value : { state: 'loading' };
}
