import { useState, type FormEvent } from "react";
import type { DepartmentView } from "@protocol/suggestions.ts";
import { SUGGESTION_LIMITS } from "@protocol/suggestions.ts";
import { useAction } from "../../../hooks/useAction.ts";
import { useT } from "../../../i18n/useT.ts";
import { suggestionApi } from "../../suggestions/suggestion-api.ts";
import { FormError } from "../shared/LoadState.tsx";

/** 承办单位: the departments that answer deputies' suggestions (docs/ARCHITECTURE.md §6e). */
export function DepartmentsAdmin({ departments, onChanged }: { departments: DepartmentView[]; onChanged: () => void }) {
  const t = useT();
  const [name, setName] = useState("");
  const action = useAction();
  async function add(e: FormEvent) {
    e.preventDefault();
    const res = await action.run(() => suggestionApi.createDepartment(name.trim()));
    if (!res.ok) return;
    setName("");
    onChanged();
  }
  return (
    <section className="card" aria-labelledby="bo-departments">
      <h2 id="bo-departments">{t("suggestion.admin.departments")}</h2>
      <p className="muted">{t("suggestion.admin.departmentsIntro")}</p>
      {departments.length ? <p>{departments.map((d) => d.name).join("、")}</p> : <p className="muted">{t("suggestion.admin.noDepts")}</p>}
      <form className="bo-inline-form" onSubmit={(e) => void add(e)} aria-label={t("suggestion.admin.addDept")}>
        <label>
          <span>{t("suggestion.admin.deptName")}</span>
          <input name="departmentName" required maxLength={SUGGESTION_LIMITS.departmentName} value={name} onChange={(e) => setName(e.target.value)} />
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
