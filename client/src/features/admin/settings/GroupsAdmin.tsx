import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { DeputyGroupView } from "@protocol/model.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { boApi } from "../api.ts";
import { FormError } from "../shared/LoadState.tsx";

/** Deputy groups (代表小组): add one, rename one. */
export function GroupsAdmin({ groups, onChanged }: { groups: DeputyGroupView[]; onChanged: () => void }) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [town, setTown] = useState("");
  const [error, setError] = useState<ClientError | null>(null);

  const start = (g: DeputyGroupView | null) => {
    setError(null);
    setEditing(g?.id ?? "new");
    setName(g?.name ?? "");
    setTown(g?.town ?? "");
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    const res = editing && editing !== "new" ? await boApi.updateGroup(editing, { name, town }) : await boApi.createGroup({ name, town });
    if (!res.ok) return setError(res.error);
    setEditing(null);
    onChanged();
  }

  return (
    <section className="card" aria-labelledby="bo-groups">
      <div className="page-head">
        <h2 id="bo-groups">{t("admin.settings.groups")}</h2>
        <button type="button" className="button button--small" onClick={() => start(null)}>
          {t("admin.group.new")}
        </button>
      </div>
      {editing ? (
        <form className="bo-inline-form" onSubmit={(e) => void submit(e)} aria-label={t("admin.group.new")}>
          <label>
            <span>{t("admin.venue.name")}</span>
            <input name="groupName" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            <span>{t("admin.common.town")}</span>
            <input name="groupTown" required maxLength={50} value={town} onChange={(e) => setTown(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="submit" className="button button--primary button--small">
              {t("common.save")}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setEditing(null)}>
              {t("admin.common.close")}
            </button>
          </div>
          <FormError error={error} />
        </form>
      ) : null}
      <ul className="plain-list">
        {groups.map((g) => (
          <li key={g.id} className="bo-list-row">
            <span>
              <strong>{g.name}</strong> <span className="muted">{g.town}</span>
            </span>
            <button type="button" className="link-button" onClick={() => start(g)}>
              {t("admin.common.edit")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
