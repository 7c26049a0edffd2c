import type { BookingPublicView } from "@protocol/bookings.ts";
import { useT } from "../../i18n/useT.ts";

/** The booking's status in one large line: 已预约 · 第 2 位, 候补第 1 位, 已签到，排号 W001. */
export function BookingStatusLine({ booking }: { booking: BookingPublicView }) {
  const t = useT();
  return (
    <p className={`booking-status booking-status--${booking.status.toLowerCase()}`} data-testid="booking-status" role="status">
      {booking.status === "CHECKED_IN" && booking.ticketLabel ? t("booking.checkedIn", { label: booking.ticketLabel }) : t(`booking.status.${booking.status}`)}
      {booking.status === "BOOKED" ? ` · ${t("booked.place", { n: booking.place })}` : null}
      {booking.status === "WAITLISTED" && booking.waitlistPosition ? ` · ${t("booking.waitlistPosition", { n: booking.waitlistPosition })}` : null}
    </p>
  );
}
