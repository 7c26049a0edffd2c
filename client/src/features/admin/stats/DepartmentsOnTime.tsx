import type { DepartmentStatsRow } from "@protocol/back-office.ts";
import { useLang, useT } from "../../../i18n/useT.ts";

/** The counts behind the rate, in the order the table shows them. */
const COUNTS = ["due", "onTime", "late", "overdue", "pending"] as const satisfies readonly (keyof DepartmentStatsRow)[];

const percent = (rate: number | null) => (rate == null ? "—" : `${Math.round(rate * 1000) / 10}%`);

/** 承办单位按期答复 (docs/ARCHITECTURE.md §6e): each department's on-time rate over the period and its score. */
export function DepartmentsOnTime({ rows, formula }: { rows: DepartmentStatsRow[]; formula: { zh: string; en: string } }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="bo-dept-on-time">
      <h2 id="bo-dept-on-time">{t("admin.stats.dept.title")}</h2>
      <p className="muted">{t("admin.stats.dept.intro")}</p>
      <p className="bo-formula__text">
        {t("admin.stats.dept.formula")} = {lang === "en" ? formula.en : formula.zh}
      </p>
      {rows.some((r) => r.due > 0 || r.pending > 0) ? (
        // A wide table on a narrow screen scrolls sideways: focusable, so a keyboard can scroll it too.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("admin.stats.dept.table")}>
          <table className="bo-table" data-testid="departments-on-time">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("admin.stats.rank")}
                </th>
                <th scope="col">{t("admin.stats.name")}</th>
                <th scope="col" className="num">
                  {t("admin.stats.dept.rate")}
                </th>
                {COUNTS.map((k) => (
                  <th scope="col" className="num" key={k}>
                    {t(`admin.stats.dept.${k}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("admin.stats.score")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.rank ?? "—"}</td>
                  <th scope="row">{r.name}</th>
                  <td className="num">{percent(r.rate)}</td>
                  {COUNTS.map((k) => (
                    <td className="num" key={k}>
                      {r[k]}
                    </td>
                  ))}
                  <td className="num bo-score">{r.score ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("admin.stats.dept.none")}</p>
      )}
    </section>
  );
}
