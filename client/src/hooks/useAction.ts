import { useCallback, useState } from "react";
import type { ClientError, Result } from "../lib/client-error.ts";

/** Runs one live action at a time and keeps its error for display. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    setError(null);
    const res = await action();
    setBusy(false);
    if (!res.ok) setError(res.error);
    return res;
  }, []);
  return { busy, error, run, clearError: () => setError(null) };
}
