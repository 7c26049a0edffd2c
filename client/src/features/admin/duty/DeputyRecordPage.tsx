/** /admin/duty/:name — one deputy's 履职 record: the days attended, the activities, and the score's parts. */
import { useParams } from "react-router-dom";
import { call } from "../../../api.ts";
import { useLang, useT } from "../../../i18n/useT.ts";
import { formatDate } from "../../../lib/format.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";

export function DeputyRecordPage() {
  const { name = "" } = useParams();
  const t = useT();
  const lang = useLang();
  const rec = useResource(() => call("GET /api/duty/deputies/:name", { params: { name }, query: {} }), name);
  const r = rec.data;
  return (
    <div className="bo-page">
      <h1>
        {name} · {t("duty.record")}
      </h1>
      <LoadState loading={rec.loading} error={rec.error} onRetry={() => void rec.reload()}>
        {r ? (
          <>
            <p className="bo-formula__text">{r.formula.zh}</p>
            <dl className="facts" data-testid="deputy-record">
              <dt>{t("duty.attendance")}</dt>
              <dd>{r.row.attendance}</dd>
              <dt>{t("duty.turns")}</dt>
              <dd>{r.row.turns}</dd>
              <dt>{t("duty.resolved")}</dt>
              <dd>
                {r.row.casesResolved}/{r.row.cases}
              </dd>
              <dt>{t("duty.satisfaction")}</dt>
              <dd>{r.row.satisfaction ?? "—"}</dd>
              <dt>{t("duty.score")}</dt>
              <dd>
                <strong>{r.row.score}</strong>（{r.row.parts.attendance} + {r.row.parts.turns} + {r.row.parts.casesResolved} + {r.row.parts.satisfaction} + {r.row.parts.activities}）
              </dd>
            </dl>
            <h2>{t("duty.days")}</h2>
            <ul>
              {r.days.map((d) => (
                <li key={d.sessionId}>
                  {formatDate(lang, d.startsAt)} · {d.venueName} · {d.title} · {t("duty.turns")} {d.turns}
                </li>
              ))}
            </ul>
            <h2>{t("duty.activities")}</h2>
            <ul>
              {r.activities.map((a) => (
                <li key={a.id}>
                  {formatDate(lang, a.date)} · {t(`duty.kind.${a.kind}`)} · {a.title} · {a.hours}h
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </LoadState>
    </div>
  );
}
