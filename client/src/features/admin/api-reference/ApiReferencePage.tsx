import { useId, useMemo, useState } from "react";
import { ROLES, type Role } from "@protocol/model.ts";
import { call, routeUrl } from "../../../api.ts";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useT, type Translate } from "../../../i18n/useT.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { matches, readReference, tagAnchor, type Field, type Limit, type Operation, type Who } from "./reference.ts";
import "./api-reference.css";

/**
 * /admin/api — 接口文档: every HTTP endpoint, read from GET /api/openapi.json
 * (docs/ARCHITECTURE.md §6), grouped by capability, with who may call it, the
 * fields it takes and the refusals it answers. Each route opens on its own
 * (details/summary), so the page stays a list to scan, by keyboard too.
 */
export function ApiReferencePage() {
  const t = useT();
  useDocumentTitle(t("apiRef.title"));
  const doc = useResource(() => call("GET /api/openapi.json"), "openapi");
  const reference = useMemo(() => (doc.data ? readReference(doc.data) : null), [doc.data]);
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const groups = (reference?.groups ?? [])
    .map((g) => ({ tag: g.tag, operations: g.operations.filter((o) => matches(o, g.tag, filter)) }))
    .filter((g) => g.operations.length > 0);
  const shown = groups.reduce((n, g) => n + g.operations.length, 0);

  return (
    <div className="bo-page apiref" data-testid="api-reference-page">
      <header className="page-head">
        <div>
          <h1>{t("apiRef.title")}</h1>
          {reference ? <p className="page-head__kicker">{t("apiRef.version", { version: reference.version, count: reference.count })}</p> : null}
        </div>
        <a className="button" href={routeUrl("GET /api/openapi.json")} target="_blank" rel="noopener noreferrer">
          {t("apiRef.raw")}
        </a>
      </header>
      <p className="muted">{t("apiRef.intro")}</p>
      <LoadState loading={doc.loading} error={doc.error} onRetry={() => void doc.reload()}>
        {reference ? (
          <>
            <div className="bo-filters apiref__filter">
              <label htmlFor={filterId}>
                {t("apiRef.filter")}
                <input id={filterId} type="search" value={filter} maxLength={100} onChange={(e) => setFilter(e.target.value)} aria-describedby={`${filterId}-hint`} />
              </label>
              <p id={`${filterId}-hint`} className="field__hint">
                {t("apiRef.filterHint")}
              </p>
            </div>
            <p className="muted" role="status">
              {t("apiRef.shown", { shown, count: reference.count })}
            </p>
            {groups.length ? (
              <nav className="apiref__toc" aria-label={t("apiRef.groups")}>
                {groups.map((g) => (
                  <a key={g.tag} href={`#${tagAnchor(g.tag)}`}>
                    {g.tag} <span className="muted">({g.operations.length})</span>
                  </a>
                ))}
              </nav>
            ) : (
              <p>{t("apiRef.none")}</p>
            )}
            {groups.map((g) => (
              <section key={g.tag} className="apiref__group" aria-labelledby={tagAnchor(g.tag)}>
                <h2 id={tagAnchor(g.tag)} tabIndex={-1}>
                  {g.tag}
                </h2>
                {g.operations.map((op) => (
                  <OperationView key={`${op.method} ${op.path}`} op={op} />
                ))}
              </section>
            ))}
          </>
        ) : null}
      </LoadState>
    </div>
  );
}

function OperationView({ op }: { op: Operation }) {
  const t = useT();
  return (
    <details className="apiref__op" data-testid="api-route">
      <summary>
        <span className="apiref__line">
          <span className={`apiref__method apiref__method--${op.method.toLowerCase()}`}>{op.method}</span>{" "}
          <code className="apiref__path">{op.path}</code>
        </span>
        <span className="apiref__summary">{op.summary}</span>
        <WhoBadge who={op.who} />
      </summary>
      <div className="apiref__body">
        <h3>{t("apiRef.fields")}</h3>
        {op.fields.length ? <FieldTable fields={op.fields} /> : <p className="muted">{t("apiRef.noFields")}</p>}
        <h3>{t("apiRef.answers")}</h3>
        <div className="apiref__scroll">
          <table className="bo-table bo-table--dense">
            <thead>
              <tr>
                <th scope="col">{t("apiRef.status")}</th>
                <th scope="col">{t("apiRef.meaning")}</th>
              </tr>
            </thead>
            <tbody>
              {op.success ? (
                <tr>
                  <th scope="row">
                    <span className="badge apiref__status--ok">{op.success.status}</span> {t("apiRef.success")}
                  </th>
                  <td>{op.success.description}</td>
                </tr>
              ) : null}
              {op.refusals.map((r) => (
                <tr key={r.status}>
                  <th scope="row">
                    <span className="badge apiref__status--refused">{r.status}</span> {t("apiRef.refusals")}
                  </th>
                  <td>{r.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

function whoWords(t: Translate, who: Who): string {
  if (who.kind === "public") return t("apiRef.who.public");
  if (who.kind === "login") return t("apiRef.who.login");
  return t("apiRef.who.roles", { roles: who.roles.map((r) => (isRole(r) ? t(`admin.account.role.${r}`) : r)).join("、") });
}

function WhoBadge({ who }: { who: Who }) {
  const t = useT();
  return (
    <span className={`badge apiref__who apiref__who--${who.kind}`}>
      <span className="visually-hidden">{t("apiRef.who")}: </span>
      {whoWords(t, who)}
    </span>
  );
}

function FieldTable({ fields }: { fields: Field[] }) {
  const t = useT();
  return (
    <div className="apiref__scroll">
      <table className="bo-table bo-table--dense">
        <thead>
          <tr>
            <th scope="col">{t("apiRef.field.name")}</th>
            <th scope="col">{t("apiRef.field.in")}</th>
            <th scope="col">{t("apiRef.field.type")}</th>
            <th scope="col">{t("apiRef.field.required")}</th>
            <th scope="col">{t("apiRef.field.rules")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={`${f.in} ${f.name}`}>
              <th scope="row">
                <code>{f.name}</code>
              </th>
              <td>{t(`apiRef.in.${f.in}`)}</td>
              <td>
                <code>{f.type}</code>
              </td>
              <td>{f.required ? <strong>{t("apiRef.yes")}</strong> : t("apiRef.no")}</td>
              <td>
                <Rules field={f} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Rules({ field }: { field: Field }) {
  const t = useT();
  const rules = [
    ...(field.enumValues.length ? [t("apiRef.oneOf", { values: field.enumValues.join(", ") })] : []),
    ...field.limits.map((l) => limitWords(t, l)),
  ];
  if (!rules.length) return null;
  return (
    <ul className="apiref__rules">
      {rules.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

/** `{ kind: "length", min: 1, max: 64 }` → 长度 1–64; one bound → ≥ 1 or ≤ 64. */
function limitWords(t: Translate, l: Limit): string {
  const words =
    "value" in l
      ? t(`apiRef.limit.${l.kind}`, { value: l.value })
      : t(`apiRef.limit.${l.kind}`, { range: l.min !== undefined && l.max !== undefined ? `${l.min}–${l.max}` : l.max !== undefined ? `≤ ${l.max}` : `≥ ${l.min ?? 0}` });
  return l.each ? t("apiRef.limit.each", { limit: words }) : words;
}
