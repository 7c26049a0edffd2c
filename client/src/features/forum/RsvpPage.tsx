import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { InvitationPublicView } from "@protocol/forums.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { formatDate, formatTime } from "../../lib/format.ts";
import { AgendaList } from "./AgendaList.tsx";
import { forumApi, storeInviteToken, type RsvpAnswer } from "./forum-api.ts";

const ANSWERS: readonly RsvpAnswer[] = ["HALL", "ONLINE", "DECLINED"];

/** /i/:token — the invitee's page: the forum, its agenda, and 到场 / 线上 / 不能参加 (changeable until it ends). */
export function RsvpPage() {
  const { token = "" } = useParams();
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState<InvitationPublicView | null>(null);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(`${view ? view.session.title : t("forum.rsvp.title")} · ${t("app.name")}`);

  useEffect(() => {
    let cancelled = false;
    void forumApi.invitation(token).then((res) => {
      if (cancelled) return;
      if (res.ok) setView(res.data);
      else if (res.error.code === "NOT_FOUND" || res.error.code === "BAD_REQUEST") setMissing(true);
      else setFailure(res.error);
    });
    return () => {
      cancelled = true;
    };
  }, [token]);

  if (missing) return <p className="notice">{t("forum.rsvp.notFound")}</p>;
  if (!view) {
    return failure ? (
      <p className="form__error" role="alert">
        {errorMessage(t, failure)}
      </p>
    ) : (
      <p className="page-message" role="status">
        {t("common.loading")}
      </p>
    );
  }

  const s = view.session;
  const ended = s.status === "ENDED";

  async function answer(response: RsvpAnswer) {
    setBusy(true);
    setFailure(null);
    setSaved(false);
    const res = await forumApi.rsvp(token, response);
    setBusy(false);
    if (!res.ok) return setFailure(res.error);
    setView(res.data);
    setSaved(true);
    // The voter view finds the invitation again even if it is opened without the link.
    if (response === "ONLINE") storeInviteToken(res.data.session.id, token);
  }

  return (
    <div className="rsvp-page" data-testid="rsvp-page">
      <header className="session-header">
        <p className="page-head__kicker">{t("forum.rsvp.title")}</p>
        <p className="rsvp-page__greeting">{t("forum.rsvp.greeting", { name: view.name })}</p>
        <h1 className="session-header__title">{s.title}</h1>
        <dl className="session-facts">
          {s.theme ? (
            <div>
              <dt>{t("session.theme")}</dt>
              <dd className="session-facts__theme">{s.theme}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("session.time")}</dt>
            <dd>
              {formatDate(lang, s.startsAt)} {formatTime(lang, s.startsAt)}–{formatTime(lang, s.endsAt)}
            </dd>
          </div>
          <div>
            <dt>{t("session.venue")}</dt>
            <dd>
              {s.venueName}
              <span className="muted"> · {s.town}</span>
            </dd>
          </div>
          {s.address ? (
            <div>
              <dt>{t("forum.rsvp.address")}</dt>
              <dd>{s.address}</dd>
            </div>
          ) : null}
        </dl>
      </header>

      <section className="card" aria-labelledby="rsvp-agenda">
        <h2 id="rsvp-agenda">{t("forum.agenda")}</h2>
        <AgendaList agenda={s.agenda} />
      </section>

      <section className="card rsvp-answer" aria-labelledby="rsvp-question">
        <h2 id="rsvp-question">{t("forum.rsvp.question")}</h2>
        <p className="rsvp-answer__state" role="status" aria-live="polite" data-testid="rsvp-state" data-rsvp={view.rsvp}>
          {saved ? `${t("forum.rsvp.saved")} ` : ""}
          {t(`forum.rsvp.answer.${view.rsvp}`)}
        </p>
        {ended ? (
          <p className="notice">{t("forum.rsvp.ended")}</p>
        ) : (
          <div className="rsvp-answer__choices" role="group" aria-labelledby="rsvp-question">
            {ANSWERS.map((a) => (
              <button
                key={a}
                type="button"
                className={`button button--large rsvp-answer__choice${view.rsvp === a ? " button--primary" : ""}`}
                aria-pressed={view.rsvp === a}
                disabled={busy}
                onClick={() => void answer(a)}
              >
                {t(`forum.rsvp.${a}`)}
              </button>
            ))}
          </div>
        )}
        {view.rsvp !== "PENDING" && !ended ? <p className="muted">{t("forum.rsvp.change")}</p> : null}
        {view.ticketLabel ? <p className="rsvp-answer__ticket">{t("forum.rsvp.ticket", { label: view.ticketLabel })}</p> : null}
        {view.rsvp === "ONLINE" && !ended ? (
          <Link className="button button--primary button--large rsvp-answer__go" to={`/s/${encodeURIComponent(s.id)}?invite=${encodeURIComponent(token)}`} data-testid="rsvp-go-online">
            {t("forum.rsvp.goOnline")}
          </Link>
        ) : null}
        {failure ? (
          <p className="form__error" role="alert">
            {failure.code === "CONFLICT" ? t("forum.rsvp.ended") : errorMessage(t, failure)}
          </p>
        ) : null}
      </section>
    </div>
  );
}
