import { startTransition, useEffect, useState } from "react";
import type { VenueNode } from "@protocol/model.ts";
import type { AnswerStatsView } from "@protocol/messages.ts";
import { messageApi } from "../messages/message-api.ts";
import type { ListedSession } from "@protocol/sessions.ts";
import { api } from "../../api.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { compareInstants } from "../../lib/format.ts";

const UPCOMING_DAYS = 30;

export interface HomeData {
  venues: VenueNode[];
  sessions: ListedSession[];
  /** the public answer statistics per venue (docs/ARCHITECTURE.md §6d); null until loaded or when they cannot be */
  answers: AnswerStatsView | null;
  loading: boolean;
  error: ClientError | null;
}

/** The venue tree and the reception days from today on; refreshed every minute (live flags). */
export function useHomeData(): HomeData {
  const [data, setData] = useState<HomeData>({ venues: [], sessions: [], answers: null, loading: true, error: null });
  useEffect(() => {
    let cancelled = false;
    async function load() {
      // Local day boundaries as full ISO instants, so the server needs no time zone.
      const from = new Date();
      from.setHours(0, 0, 0, 0);
      const to = new Date(from.getTime() + (UPCOMING_DAYS + 1) * 86_400_000 - 1);
      const [venues, sessions, answers] = await Promise.all([api.venues(), api.sessions({ from: from.toISOString(), to: to.toISOString() }), messageApi.stats()]);
      if (cancelled) return;
      // The lists and the station tree are a long render: in slices that yield, not one long task.
      startTransition(() =>
        setData({
          venues: venues.ok ? venues.data.venues : [],
          sessions: sessions.ok ? [...sessions.data.sessions].sort((a, b) => compareInstants(a.startsAt, b.startsAt)) : [],
          answers: answers.ok ? answers.data : null,
          loading: false,
          error: !venues.ok ? venues.error : !sessions.ok ? sessions.error : null,
        }),
      );
    }
    void load();
    const id = window.setInterval(() => void load(), 60_000);
    return () => {
      cancelled = true;
      window.clearInterval(id);
    };
  }, []);
  return data;
}
