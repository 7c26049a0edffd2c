import { useRef } from "react";

/**
 * The latest value of something a render sees, for an effect that must run
 * only when something else changes (an identity, a key) yet read the newest
 * props when it does.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
