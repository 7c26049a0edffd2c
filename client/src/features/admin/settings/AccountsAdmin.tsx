import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { AdminUserView } from "@protocol/back-office.ts";
import type { Role } from "@protocol/model.ts";
import type { DepartmentView } from "@protocol/suggestions.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { fieldMessages } from "../../../lib/error-message.ts";
import { boApi } from "../api.ts";
import { FormError, LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { indentName, type FlatVenue } from "../shared/useVenues.ts";

const ROLES: Role[] = ["STAFF", "DEPUTY", "ADMIN", "DEPARTMENT"];

function VenuePicker({ venues, value, onChange, label }: { venues: FlatVenue[]; value: string[]; onChange: (ids: string[]) => void; label: string }) {
  return (
    <select multiple aria-label={label} className="bo-multi" value={value} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
      {venues.map((v) => (
        <option key={v.id} value={v.id}>
          {indentName(v)}
        </option>
      ))}
    </select>
  );
}

/** Accounts: create, change role and venue scope, disable, reset a password. */
export function AccountsAdmin({ venues, departments }: { venues: FlatVenue[]; departments: DepartmentView[] }) {
  const t = useT();
  const users = useResource(boApi.users, "users");
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState({ username: "", displayName: "", role: "STAFF" as Role, password: "", venueIds: [] as string[], departmentId: "" });
  const [error, setError] = useState<ClientError | null>(null);
  const [message, setMessage] = useState("");
  const venueName = (id: string) => venues.find((v) => v.id === id)?.name ?? id;
  // Why a password was refused, in words (the policy's coded detail), under the form.
  const passwordProblem = fieldMessages(t, error).password;

  async function create(e: FormEvent) {
    e.preventDefault();
    // A department account answers for one department and runs no venue (§6e).
    const { departmentId, ...rest } = draft;
    const res = await boApi.createUser(draft.role === "DEPARTMENT" ? { ...rest, venueIds: [], departmentId } : rest);
    if (!res.ok) return setError(res.error);
    setError(null);
    setCreating(false);
    setDraft({ username: "", displayName: "", role: "STAFF", password: "", venueIds: [], departmentId: "" });
    void users.reload();
  }

  async function patch(u: AdminUserView, body: Parameters<typeof boApi.updateUser>[1]) {
    const res = await boApi.updateUser(u.id, body);
    if (!res.ok) return setError(res.error);
    setError(null);
    void users.reload();
  }

  async function reset(u: AdminUserView) {
    const password = window.prompt(`${t("admin.account.newPassword")} — ${u.username}`);
    if (!password) return;
    const res = await boApi.resetPassword(u.id, password);
    if (!res.ok) return setError(res.error);
    setError(null);
    setMessage(t("admin.account.passwordReset"));
  }

  return (
    <section className="card" aria-labelledby="bo-accounts">
      <div className="page-head">
        <h2 id="bo-accounts">{t("admin.settings.accounts")}</h2>
        <button type="button" className="button button--small" onClick={() => setCreating((x) => !x)} aria-expanded={creating}>
          {t("admin.account.new")}
        </button>
      </div>
      {creating ? (
        <form className="bo-inline-form" onSubmit={(e) => void create(e)} aria-label={t("admin.account.new")}>
          <label>
            <span>{t("admin.account.username")}</span>
            <input name="username" required autoComplete="off" pattern="[a-zA-Z0-9._\-]+" maxLength={50} value={draft.username} onChange={(e) => setDraft((d) => ({ ...d, username: e.target.value }))} />
          </label>
          <label>
            <span>{t("admin.account.displayName")}</span>
            <input name="displayName" required maxLength={50} value={draft.displayName} onChange={(e) => setDraft((d) => ({ ...d, displayName: e.target.value }))} />
          </label>
          <label>
            <span>{t("admin.account.role")}</span>
            <select name="role" value={draft.role} onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value as Role }))}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.account.role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t("admin.account.password")}</span>
            <input name="password" type="password" required minLength={10} autoComplete="new-password" value={draft.password} onChange={(e) => setDraft((d) => ({ ...d, password: e.target.value }))} />
          </label>
          {draft.role === "DEPARTMENT" ? (
            <label>
              <span>{t("suggestion.admin.accountDept")}</span>
              <select name="departmentId" required value={draft.departmentId} onChange={(e) => setDraft((d) => ({ ...d, departmentId: e.target.value }))}>
                <option value="">{t("suggestion.assign.choose")}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          ) : draft.role !== "ADMIN" ? (
            <label>
              <span>{t("admin.account.venues")}</span>
              <VenuePicker venues={venues} value={draft.venueIds} label={t("admin.account.venues")} onChange={(venueIds) => setDraft((d) => ({ ...d, venueIds }))} />
            </label>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button button--primary button--small">
              {t("common.save")}
            </button>
          </div>
        </form>
      ) : null}
      {passwordProblem ? (
        <p className="form__error" role="alert">
          {passwordProblem}
        </p>
      ) : (
        <FormError error={error} />
      )}
      {message ? (
        <p className="ok-text" role="status">
          {message}
        </p>
      ) : null}
      <LoadState loading={users.loading} error={users.error} onRetry={() => void users.reload()}>
        <div className="table-scroll">
          <table className="bo-table bo-table--dense">
            <thead>
              <tr>
                <th scope="col">{t("admin.account.username")}</th>
                <th scope="col">{t("admin.account.displayName")}</th>
                <th scope="col">{t("admin.account.role")}</th>
                <th scope="col">{t("admin.account.venues")}</th>
                <th scope="col">{t("admin.account.state")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.common.edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(users.data?.users ?? []).map((u) => (
                <tr key={u.id} className={u.disabled ? "bo-row--disabled" : ""}>
                  <th scope="row">{u.username}</th>
                  <td>{u.displayName}</td>
                  <td>
                    <select aria-label={`${t("admin.account.role")} ${u.username}`} value={u.role} onChange={(e) => void patch(u, { role: e.target.value as Role })}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`admin.account.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {u.role === "ADMIN" ? (
                      <span className="muted">{t("admin.account.allVenues")}</span>
                    ) : u.role === "DEPARTMENT" ? (
                      <span>{departments.find((d) => d.id === u.departmentId)?.name ?? "—"}</span>
                    ) : (
                      <details>
                        <summary>{u.venueIds.map(venueName).join("、") || "—"}</summary>
                        <VenuePicker venues={venues} value={u.venueIds} label={`${t("admin.account.venues")} ${u.username}`} onChange={(venueIds) => void patch(u, { venueIds })} />
                      </details>
                    )}
                  </td>
                  <td className="bo-nowrap">{u.disabled ? t("admin.account.disabled") : t("admin.account.active")}</td>
                  <td className="bo-actions-cell">
                    <button type="button" className="link-button" onClick={() => void patch(u, { disabled: !u.disabled })}>
                      {u.disabled ? t("admin.account.enable") : t("admin.account.disable")}
                    </button>
                    <button type="button" className="link-button" onClick={() => void reset(u)}>
                      {t("admin.account.resetPassword")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </LoadState>
    </section>
  );
}
