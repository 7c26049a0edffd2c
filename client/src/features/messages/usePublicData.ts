import { useEffect, useState } from "react";
import type { Result } from "../../lib/client-error.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { useLatest } from "../../hooks/useLatest.ts";

/** One public read for a page: the data, or the error, reloaded when `key` changes. */
export function usePublicData<T>(load: () => Promise<Result<T>>, key: string): { data: T | null; error: ClientError | null } {
  const [state, setState] = useState<{ data: T | null; error: ClientError | null }>({ data: null, error: null });
  const latestLoad = useLatest(load);
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null });
    void latestLoad.current().then((res) => {
      if (live) setState(res.ok ? { data: res.data, error: null } : { data: null, error: res.error });
    });
    return () => {
      live = false;
    };
    // `load` is a new closure each render; `key` alone says when it means something else.
  }, [key, latestLoad]);
  return state;
}
