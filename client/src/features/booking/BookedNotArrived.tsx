import { useEffect, useState } from "react";
import type { BookingView } from "@protocol/bookings.ts";
import { useT } from "../../i18n/useT.ts";
import { sessionBookings } from "./booking-api.ts";

const REFRESH_MS = 15_000;

/**
 * Booked but not yet here (desk and hall): the day's BOOKED bookings in booked
 * order, refreshed every few seconds and whenever `refreshKey` changes (a check-in).
 */
export function BookedNotArrived({ sessionId, refreshKey }: { sessionId: string; refreshKey?: unknown }) {
  const t = useT();
  const [bookings, setBookings] = useState<BookingView[] | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = () =>
      void sessionBookings(sessionId).then((r) => {
        if (!stopped && r.ok) setBookings(r.data.bookings);
      });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [sessionId, refreshKey]);

  if (!bookings || bookings.length === 0) return null;
  const waiting = bookings.filter((b) => b.status === "BOOKED");
  return (
    <section className="panel" aria-labelledby="booked-title" data-testid="booked-not-arrived">
      <h2 id="booked-title">
        {t("booked.title")} <span className="muted">· {t("booked.count", { n: waiting.length })}</span>
      </h2>
      {waiting.length === 0 ? (
        <p className="muted">{t("booked.empty")}</p>
      ) : (
        <ul className="booked-list">
          {waiting.map((b) => (
            <li key={b.id} data-testid="booked-row">
              <span className="booked-list__place">{t("booked.place", { n: b.place })}</span> <strong>{b.name}</strong> <span className="booked-list__code">{b.code}</span>
              {b.phone ? <span className="muted"> · {b.phone}</span> : null}
              <span className="booked-list__topic"> · {b.topic}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
