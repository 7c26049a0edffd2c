import { useEffect, useState } from "react";
import { watchLevel } from "./audio-level.ts";

/** The live level of a stream's audio (0 when there is none). */
export function useStreamLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    setLevel(0);
    if (!stream) return;
    return watchLevel(stream, (l) => setLevel(Math.round(l * 100) / 100));
  }, [stream]);
  return level;
}
