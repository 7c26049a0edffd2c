import { useEffect, useReducer, useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import { SESSION_KINDS, type SessionKind, type SessionView } from "@protocol/model.ts";
import { AgendaEditor, newRowKey } from "../../forum/AgendaEditor.tsx";
import { agendaDraftReducer, agendaInputOf, emptyRow, rowsOf, sameAgenda } from "../../forum/agenda-draft.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { FormField } from "../../../components/FormField.tsx";
import type { ClientError } from "../../../lib/client-error.ts";
import { boApi, type SessionInput } from "../api.ts";
import { localDate, localTime, splitNames, toIso } from "../format.ts";
import { FormError } from "../shared/LoadState.tsx";
import { indentName, type FlatVenue } from "../shared/useVenues.ts";
import { useLatest } from "../../../hooks/useLatest.ts";

interface Props {
  open: boolean;
  /** editing this session, or creating one */
  session: SessionView | null;
  venues: FlatVenue[];
  defaults: { venueId: string; date: string };
  onClose: () => void;
  onSaved: (s: SessionView) => void;
}

interface Draft {
  venueId: string;
  title: string;
  theme: string;
  date: string;
  start: string;
  end: string;
  deputies: string;
  streamUrl: string;
  slotMin: string;
  headStart: string;
  kind: SessionKind;
  /** 预约 (docs/ARCHITECTURE.md §6b): places, and the window as local "YYYY-MM-DDTHH:MM" ("" = the default) */
  capacity: string;
  opensAt: string;
  closesAt: string;
}

const localDateTime = (iso: string | null | undefined): string => (iso ? `${localDate(new Date(iso))}T${localTime(new Date(iso))}` : "");
const isoOfLocal = (value: string): string | null => (value ? new Date(value).toISOString() : null);

/** What is wrong with the booking fields, by field (the server checks the same: booking-rules.ts). */
function bookingProblems(d: Draft): { capacity?: "bookingCapacityInvalid"; opensAt?: "bookingOpensAfterClose"; closesAt?: "bookingClosesAfterEnd" } {
  const capacity = Number(d.capacity);
  if (d.capacity.trim() === "" || !Number.isInteger(capacity) || capacity < 0 || capacity > 1000) return { capacity: "bookingCapacityInvalid" };
  if (capacity === 0) return {};
  const closes = d.closesAt || `${d.date}T${d.start}`;
  if (d.closesAt && d.closesAt > `${d.date}T${d.end}`) return { closesAt: "bookingClosesAfterEnd" };
  if (d.opensAt && d.opensAt >= closes) return { opensAt: "bookingOpensAfterClose" };
  return {};
}

function draftOf(session: SessionView | null, defaults: Props["defaults"], titleDefault: string): Draft {
  if (!session) {
    return { venueId: defaults.venueId, title: titleDefault, theme: "", date: defaults.date, start: "09:00", end: "11:30", deputies: "", streamUrl: "", slotMin: "8", headStart: "10", kind: "RECEPTION", capacity: "0", opensAt: "", closesAt: "" };
  }
  const s = new Date(session.startsAt);
  return {
    venueId: session.venueId,
    title: session.title,
    theme: session.theme,
    date: localDate(s),
    start: localTime(s),
    end: localTime(new Date(session.endsAt)),
    deputies: session.deputies.join("、"),
    streamUrl: session.streamUrl ?? "",
    slotMin: String(session.slotMin),
    headStart: String(session.walkInHeadStartMin),
    kind: session.kind,
    capacity: String(session.bookingCapacity ?? 0),
    opensAt: localDateTime(session.bookingOpensAt),
    closesAt: localDateTime(session.bookingClosesAt),
  };
}

/**
 * Schedule a reception day, or edit one: venue, title, theme, time, deputies,
 * stream, slot, walk-in head start, bookings (places and window); or make it
 * a forum (座谈会) with its agenda.
 */
export function SessionFormDialog({ open, session, venues, defaults, onClose, onSaved }: Props) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(session, defaults, t("admin.sessionForm.titleDefault")));
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [agendaRows, dispatchAgenda] = useReducer(agendaDraftReducer, []);
  const [agendaError, setAgendaError] = useState<string | undefined>(undefined);
  // Reset when the dialog opens or is pointed at another day or slot — not on every render of its parent.
  const latest = useLatest({ session, defaults, t });
  useEffect(() => {
    if (open) {
      const { session, defaults, t } = latest.current;
      setDraft(draftOf(session, defaults, t("admin.sessionForm.titleDefault")));
      dispatchAgenda({ type: "reset", rows: session?.agenda.length ? rowsOf(session.agenda) : [emptyRow(newRowKey())] });
      setAgendaError(undefined);
      setError(null);
    }
  }, [open, session?.id, defaults.date, defaults.venueId, latest]);
  // Once an item has started the agenda is history: the server refuses a change (CONFLICT).
  const agendaLocked = !!session?.agenda.some((i) => i.status !== "PENDING");

  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const details = error?.details ?? {};
  const endBeforeStart = draft.end <= draft.start;
  const booking = bookingProblems(draft);
  const bookable = Number(draft.capacity) > 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (endBeforeStart || Object.keys(booking).length) return;
    const forum = draft.kind === "FORUM";
    const agenda = agendaInputOf(agendaRows);
    if (forum && agenda.length === 0) {
      setAgendaError(t("forum.admin.agendaEmpty"));
      return;
    }
    setAgendaError(undefined);
    // Send the agenda only when it changed: an edit of a running forum's time must not touch it.
    const agendaChanged = forum && !agendaLocked && !(session && sameAgenda(agenda, session.agenda));
    setBusy(true);
    const input = {
      title: draft.title.trim(),
      theme: draft.theme.trim(),
      startsAt: toIso(draft.date, draft.start),
      endsAt: toIso(draft.date, draft.end),
      deputies: splitNames(draft.deputies),
      streamUrl: draft.streamUrl.trim() || null,
      slotMin: Number(draft.slotMin),
      walkInHeadStartMin: Number(draft.headStart),
      bookingCapacity: Number(draft.capacity),
      // Without places the window means nothing: cleared, so reopening starts from the defaults.
      bookingOpensAt: bookable ? isoOfLocal(draft.opensAt) : null,
      bookingClosesAt: bookable ? isoOfLocal(draft.closesAt) : null,
      ...(session?.kind !== draft.kind || !session ? { kind: draft.kind } : {}),
      ...(agendaChanged ? { agenda } : {}),
    } satisfies SessionInput;
    const res = session ? await boApi.updateSession(session.id, input) : await boApi.createSession({ ...input, venueId: draft.venueId });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    onSaved(res.data.session);
  }

  return (
    <Dialog open={open} title={session ? t("admin.sessionForm.editTitle") : t("admin.sessionForm.createTitle")} onClose={onClose} className="bo-dialog">
      <form className="form bo-form-grid" onSubmit={(e) => void submit(e)} aria-label={session ? t("admin.sessionForm.editTitle") : t("admin.sessionForm.createTitle")}>
        <FormField label={t("admin.common.venue")} required error={details.venueId}>
          {(p) => (
            <select {...p} name="venueId" value={draft.venueId} onChange={set("venueId")} disabled={!!session}>
              {venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {indentName(v)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="fieldset">
          <legend>{t("forum.admin.kind")}</legend>
          <div className="button-row">
            {SESSION_KINDS.map((k) => (
              <div className="check check--inline" key={k}>
                <input
                  id={`session-kind-${k}`}
                  type="radio"
                  name="kind"
                  value={k}
                  checked={draft.kind === k}
                  disabled={agendaLocked}
                  onChange={() => setDraft((d) => ({ ...d, kind: k, title: !session && d.title === t("admin.sessionForm.titleDefault") && k === "FORUM" ? t("forum.kind") : d.title }))}
                />
                <label htmlFor={`session-kind-${k}`}>{t(`forum.admin.kind.${k}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FormField label={t("admin.sessionForm.title")} required error={details.title}>
          {(p) => <input {...p} name="title" maxLength={100} value={draft.title} onChange={set("title")} />}
        </FormField>
        <FormField label={t("admin.sessionForm.theme")} hint={t("admin.sessionForm.themeHint")} error={details.theme}>
          {(p) => <input {...p} name="theme" maxLength={200} value={draft.theme} onChange={set("theme")} />}
        </FormField>
        <div className="bo-form-row">
          <FormField label={t("admin.common.date")} required error={details.startsAt}>
            {(p) => <input {...p} name="date" type="date" value={draft.date} onChange={set("date")} />}
          </FormField>
          <FormField label={t("admin.sessionForm.start")} required>
            {(p) => <input {...p} name="start" type="time" value={draft.start} onChange={set("start")} />}
          </FormField>
          <FormField label={t("admin.sessionForm.end")} required error={endBeforeStart ? t("admin.sessionForm.endBeforeStart") : details.endsAt}>
            {(p) => <input {...p} name="end" type="time" value={draft.end} onChange={set("end")} />}
          </FormField>
        </div>
        <FormField label={t("admin.sessionForm.deputies")} hint={t("admin.sessionForm.deputiesHint")} error={details.deputies}>
          {(p) => <input {...p} name="deputies" value={draft.deputies} onChange={set("deputies")} />}
        </FormField>
        <FormField label={t("admin.sessionForm.streamUrl")} error={details.streamUrl}>
          {(p) => <input {...p} name="streamUrl" type="url" inputMode="url" placeholder="https://…/index.m3u8" value={draft.streamUrl} onChange={set("streamUrl")} />}
        </FormField>
        <div className="bo-form-row">
          <FormField label={t("admin.sessionForm.slotMin")} error={details.slotMin}>
            {(p) => <input {...p} name="slotMin" type="number" min={1} max={120} value={draft.slotMin} onChange={set("slotMin")} />}
          </FormField>
          <FormField label={t("admin.sessionForm.headStart")} hint={t("admin.sessionForm.headStartHint")} error={details.walkInHeadStartMin}>
            {(p) => <input {...p} name="walkInHeadStartMin" type="number" min={0} max={120} value={draft.headStart} onChange={set("headStart")} />}
          </FormField>
        </div>
        <fieldset className="fieldset" data-testid="session-form-bookings">
          <legend>{t("admin.sessionForm.bookings")}</legend>
          <FormField
            label={t("admin.sessionForm.bookingCapacity")}
            hint={t("admin.sessionForm.bookingCapacityHint")}
            error={booking.capacity ? t(`admin.sessionForm.${booking.capacity}`) : details.bookingCapacity}
          >
            {(p) => <input {...p} name="bookingCapacity" type="number" inputMode="numeric" min={0} max={1000} step={1} value={draft.capacity} onChange={set("capacity")} />}
          </FormField>
          {bookable ? (
            <div className="bo-form-row">
              <FormField
                label={t("admin.sessionForm.bookingOpensAt")}
                hint={t("admin.sessionForm.bookingOpensAtHint")}
                error={booking.opensAt ? t(`admin.sessionForm.${booking.opensAt}`) : details.bookingOpensAt}
              >
                {(p) => <input {...p} name="bookingOpensAt" type="datetime-local" value={draft.opensAt} onChange={set("opensAt")} />}
              </FormField>
              <FormField
                label={t("admin.sessionForm.bookingClosesAt")}
                hint={t("admin.sessionForm.bookingClosesAtHint")}
                error={booking.closesAt ? t(`admin.sessionForm.${booking.closesAt}`) : details.bookingClosesAt}
              >
                {(p) => <input {...p} name="bookingClosesAt" type="datetime-local" value={draft.closesAt} onChange={set("closesAt")} />}
              </FormField>
            </div>
          ) : null}
        </fieldset>
        {draft.kind === "FORUM" ? <AgendaEditor rows={agendaRows} dispatch={dispatchAgenda} locked={agendaLocked} error={agendaError ?? details.agenda} /> : null}
        <FormError error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("admin.common.close")}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || endBeforeStart || Object.keys(booking).length > 0}>
            {t("common.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
