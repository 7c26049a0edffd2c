import { useEffect, useRef, useState } from "react";
import { chimeCall } from "../../lib/attention.ts";

/** Chimes and returns true for a few seconds after each new call (by event seq). */
export function useCallHighlight(lastCallSeq: number | null, ms = 8000): boolean {
  const [active, setActive] = useState(false);
  const seen = useRef<number | null>(lastCallSeq);
  useEffect(() => {
    if (lastCallSeq == null || lastCallSeq === seen.current) return;
    seen.current = lastCallSeq;
    chimeCall();
    setActive(true);
    const id = window.setTimeout(() => setActive(false), ms);
    return () => window.clearTimeout(id);
  }, [lastCallSeq, ms]);
  return active;
}
