import { useEffect, useRef, useState } from "react";
import type { TicketView } from "@protocol/model.ts";
import { chimeCall } from "../../lib/attention.ts";
import { say, soundInLane, voiceFor } from "../../lib/speech.ts";
import { callAnnouncement } from "../../lib/spoken-text.ts";
import { useLatest } from "../../hooks/useLatest.ts";
import { useScreenVoice } from "./screen-voice.ts";

/** The chime's two notes last about 1.3 s; the announcement starts after them. */
const CHIME_MS = 1400;

/**
 * On each new call (by event seq): the chime, then — when the screen's voice is
 * on and a Chinese voice exists — the call said twice in Mandarin, all in one
 * lane so a call that comes while another is being read waits its turn
 * (docs/ARCHITECTURE.md §7b). Returns true for a few seconds after each call.
 */
export function useCallHighlight(lastCall: { seq: number; ticket: TicketView | undefined } | null, ms = 8000): boolean {
  const [active, setActive] = useState(false);
  const seen = useRef<number | null>(lastCall?.seq ?? null);
  const seq = lastCall?.seq ?? null;
  // The ticket is read when its call arrives; later changes to it are not a new call.
  const ticket = useLatest(lastCall?.ticket);
  useEffect(() => {
    if (seq == null || seq === seen.current) return;
    seen.current = seq;
    void soundInLane(chimeCall, CHIME_MS);
    const voice = useScreenVoice.getState();
    const called = ticket.current;
    if (called && voice.on && voice.volume > 0 && voiceFor("zh-CN")) {
      const announcement = { text: callAnnouncement(called), lang: "zh-CN" as const, volume: voice.volume };
      void say(announcement, announcement);
    }
    setActive(true);
    const id = window.setTimeout(() => setActive(false), ms);
    return () => window.clearTimeout(id);
  }, [seq, ms, ticket]);
  return active;
}
