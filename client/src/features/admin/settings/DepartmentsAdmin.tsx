import { useState, type FormEvent } from "react";
import type { AdminDepartmentView } from "@protocol/suggestions.ts";
import { SUGGESTION_LIMITS } from "@protocol/suggestions.ts";
import { useAction } from "../../../hooks/useAction.ts";
import { useT } from "../../../i18n/useT.ts";
import { suggestionApi } from "../../suggestions/suggestion-api.ts";
import { FormError } from "../shared/LoadState.tsx";

/**
 * 承办单位: the departments that answer deputies' suggestions, and the contact
 * (a phone or an address) their deadline reminders go to (docs/ARCHITECTURE.md §6e).
 */
export function DepartmentsAdmin({ departments, onChanged }: { departments: AdminDepartmentView[]; onChanged: () => void }) {
  const t = useT();
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const action = useAction();
  async function add(e: FormEvent) {
    e.preventDefault();
    const res = await action.run(() => suggestionApi.createDepartment({ name: name.trim(), contact: contact.trim() || undefined }));
    if (!res.ok) return;
    setName("");
    setContact("");
    onChanged();
  }
  return (
    <section className="card" aria-labelledby="bo-departments">
      <h2 id="bo-departments">{t("suggestion.admin.departments")}</h2>
      <p className="muted">{t("suggestion.admin.departmentsIntro")}</p>
      <p className="muted">{t("suggestion.admin.contactIntro")}</p>
      {departments.length ? (
        <div className="table-scroll">
          <table className="bo-table bo-table--dense" data-testid="departments-table">
            <thead>
              <tr>
                <th scope="col">{t("suggestion.admin.deptName")}</th>
                <th scope="col">{t("suggestion.admin.deptContact")}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <DepartmentRow key={d.id} department={d} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("suggestion.admin.noDepts")}</p>
      )}
      <form className="bo-inline-form" onSubmit={(e) => void add(e)} aria-label={t("suggestion.admin.addDept")}>
        <label>
          <span>{t("suggestion.admin.deptName")}</span>
          <input name="departmentName" required maxLength={SUGGESTION_LIMITS.departmentName} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>{t("suggestion.admin.deptContact")}</span>
          <input name="departmentContact" maxLength={SUGGESTION_LIMITS.departmentContact} value={contact} onChange={(e) => setContact(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="submit" className="button button--small" disabled={action.busy || !name.trim()}>
            {t("suggestion.admin.addDept")}
          </button>
        </div>
      </form>
      <FormError error={action.error} />
    </section>
  );
}

/** One department: its name and its contact, changed in place (an empty field clears it). */
function DepartmentRow({ department, onChanged }: { department: AdminDepartmentView; onChanged: () => void }) {
  const t = useT();
  const [contact, setContact] = useState(department.contact ?? "");
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const changed = contact.trim() !== (department.contact ?? "");
  async function save(e: FormEvent) {
    e.preventDefault();
    const res = await action.run(() => suggestionApi.updateDepartment(department.id, { contact: contact.trim() }));
    if (!res.ok) return;
    setSaved(true);
    onChanged();
  }
  return (
    <tr>
      <th scope="row">{department.name}</th>
      <td>
        <form className="bo-row-form" onSubmit={(e) => void save(e)} aria-label={t("suggestion.admin.contactOf", { name: department.name })}>
          <input
            name="contact"
            aria-label={t("suggestion.admin.contactOf", { name: department.name })}
            maxLength={SUGGESTION_LIMITS.departmentContact}
            placeholder={t("suggestion.admin.noContact")}
            value={contact}
            onChange={(e) => {
              setSaved(false);
              setContact(e.target.value);
            }}
          />
          <button type="submit" className="button button--small" disabled={action.busy || !changed}>
            {t("suggestion.admin.saveContact")}
          </button>
          {saved ? (
            <span className="ok-text" role="status">
              {t("admin.common.saved")}
            </span>
          ) : null}
        </form>
        <FormError error={action.error} />
      </td>
    </tr>
  );
}
