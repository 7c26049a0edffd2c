import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import { VENUE_KINDS, type DeputyGroupView, type VenueKind } from "@protocol/model.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { boApi } from "../api.ts";
import { FormError } from "../shared/LoadState.tsx";
import { indentName, type FlatVenue } from "../shared/useVenues.ts";

interface Draft {
  name: string;
  kind: VenueKind;
  town: string;
  address: string;
  parentId: string;
  deputyGroupId: string;
}
const empty: Draft = { name: "", kind: "STATION", town: "", address: "", parentId: "", deputyGroupId: "" };

/** The 家→站→室 tree: add a venue, or edit one in place. */
export function VenuesAdmin({ venues, groups, onChanged }: { venues: FlatVenue[]; groups: DeputyGroupView[]; onChanged: () => void }) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(empty);
  const [error, setError] = useState<ClientError | null>(null);
  const details = error?.details ?? {};

  const start = (id: string | null) => {
    setError(null);
    setEditing(id);
    const v = venues.find((x) => x.id === id);
    setDraft(v ? { name: v.name, kind: v.kind, town: v.town, address: v.address, parentId: v.parentId ?? "", deputyGroupId: v.deputyGroupId ?? "" } : empty);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { ...draft, parentId: draft.parentId || null, deputyGroupId: draft.deputyGroupId || null };
    const res = editing && editing !== "new" ? await boApi.updateVenue(editing, body) : await boApi.createVenue(body);
    if (!res.ok) return setError(res.error);
    setEditing(null);
    onChanged();
  }
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  const form = (
    <form className="bo-inline-form" onSubmit={(e) => void submit(e)} aria-label={t("admin.venue.new")}>
      <label>
        <span>{t("admin.venue.name")}</span>
        <input name="name" required maxLength={100} value={draft.name} onChange={set("name")} aria-invalid={details.name ? true : undefined} />
      </label>
      <label>
        <span>{t("admin.venue.kind")}</span>
        <select name="kind" value={draft.kind} onChange={set("kind")}>
          {VENUE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`venueKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t("admin.common.town")}</span>
        <input name="town" required maxLength={50} value={draft.town} onChange={set("town")} aria-invalid={details.town ? true : undefined} />
      </label>
      <label>
        <span>{t("admin.venue.address")}</span>
        <input name="address" maxLength={200} value={draft.address} onChange={set("address")} />
      </label>
      <label>
        <span>{t("admin.venue.parent")}</span>
        <select name="parentId" value={draft.parentId} onChange={set("parentId")} aria-invalid={details.parentId ? true : undefined}>
          <option value="">{t("admin.venue.noParent")}</option>
          {venues
            .filter((v) => v.id !== editing)
            .map((v) => (
              <option key={v.id} value={v.id}>
                {indentName(v)}
              </option>
            ))}
        </select>
      </label>
      <label>
        <span>{t("admin.venue.group")}</span>
        <select name="deputyGroupId" value={draft.deputyGroupId} onChange={set("deputyGroupId")}>
          <option value="">{t("admin.venue.noGroup")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="submit" className="button button--primary button--small">
          {t("common.save")}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => setEditing(null)}>
          {t("admin.common.close")}
        </button>
      </div>
      {error ? (
        <div className="bo-inline-form__error">
          <FormError error={error} />
          {Object.entries(details).map(([k, v]) => (
            <p key={k} className="field__error">
              {k}: {v}
            </p>
          ))}
        </div>
      ) : null}
    </form>
  );

  return (
    <section className="card" aria-labelledby="bo-venues">
      <div className="page-head">
        <h2 id="bo-venues">{t("admin.settings.venues")}</h2>
        <button type="button" className="button button--small" onClick={() => start("new")}>
          {t("admin.venue.new")}
        </button>
      </div>
      {editing === "new" ? form : null}
      <div className="table-scroll">
        <table className="bo-table bo-table--dense">
          <thead>
            <tr>
              <th scope="col">{t("admin.venue.name")}</th>
              <th scope="col">{t("admin.venue.kind")}</th>
              <th scope="col">{t("admin.common.town")}</th>
              <th scope="col">{t("admin.venue.group")}</th>
              <th scope="col">{t("admin.venue.address")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.common.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {venues.map((v) =>
              editing === v.id ? (
                <tr key={v.id}>
                  <td colSpan={6}>{form}</td>
                </tr>
              ) : (
                <tr key={v.id}>
                  <th scope="row" style={{ paddingLeft: `${0.5 + v.depth * 1.25}rem` }}>
                    {v.depth ? "└ " : ""}
                    {v.name}
                  </th>
                  <td>{t(`venueKind.${v.kind}`)}</td>
                  <td>{v.town}</td>
                  <td>{v.deputyGroupName ?? "—"}</td>
                  <td>{v.address || "—"}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => start(v.id)}>
                      {t("admin.common.edit")}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
