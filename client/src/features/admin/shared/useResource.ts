import { useCallback, useEffect, useRef, useState } from "react";
import type { ClientError, Result } from "../../../lib/client-error.ts";

/** Loads `fetcher` when `key` changes; the answer of a stale request is dropped. */
export function useResource<T>(fetcher: () => Promise<Result<T>>, key: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    const res = await fetcherRef.current();
    if (ticket !== latest.current) return;
    setLoading(false);
    if (res.ok) {
      setData(res.data);
      setError(null);
    } else setError(res.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [key, reload]);

  return { data, error, loading, reload, setData };
}
