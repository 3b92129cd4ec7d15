import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError';

export interface ApiResource<T> {
  /** The last answer, kept while a newer one loads so lists do not flicker. */
  data: T | undefined;
  loading: boolean;
  error: ApiError | undefined;
  reload: () => void;
  /** Replaces the data with what a change returned, without asking the server again. */
  replace: (update: (current: T) => T) => void;
}

/** Loads from the API whenever `deps` change; an answer to an outdated request is dropped. */
export function useApiResource<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): ApiResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    load().then(
      (answer) => {
        if (ticket === latest.current) {
          setData(answer);
          setError(undefined);
          setLoading(false);
        }
      },
      (e: unknown) => {
        if (ticket === latest.current) {
          setError(asApiError(e));
          setLoading(false);
        }
      },
    );
    // The caller names what load depends on, as with useEffect itself.
  }, [...deps, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback((update: (current: T) => T) => {
    setData((current) => (current === undefined ? current : update(current)));
  }, []);

  return { data, loading, error, reload, replace };
}

/** The API module only throws ApiError; anything else is a defect, still shown in its words. */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError
    ? e
    : new ApiError(e instanceof Error ? e.message : String(e), 'network', 'unexpected');
}
