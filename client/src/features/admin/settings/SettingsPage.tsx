import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useT } from "../../../i18n/useT.ts";
import { useAuth } from "../../../stores/auth.ts";
import { useVenues } from "../shared/useVenues.ts";
import { suggestionApi } from "../../suggestions/suggestion-api.ts";
import { useResource } from "../shared/useResource.ts";
import { AccountsAdmin } from "./AccountsAdmin.tsx";
import { DepartmentsAdmin } from "./DepartmentsAdmin.tsx";
import { BackupsAdmin } from "./BackupsAdmin.tsx";
import { GroupsAdmin } from "./GroupsAdmin.tsx";
import { VenuesAdmin } from "./VenuesAdmin.tsx";
import { PrivacyNoticeAdmin } from "../privacy/PrivacyNoticeAdmin.tsx";
import { RetentionAdmin } from "../privacy/RetentionAdmin.tsx";

/** /admin/settings — venues (家→站→室), deputy groups, accounts, the privacy notice, retention and backups. Administrators only. */
export function SettingsPage() {
  const t = useT();
  useDocumentTitle(t("admin.settings.title"));
  const role = useAuth((s) => s.user?.role);
  const venues = useVenues();
  // The admin's list carries each contact; anyone else who opens the page reads names only (and sees no settings).
  const departments = useResource(() => (role === "ADMIN" ? suggestionApi.adminDepartments() : suggestionApi.departments()), `departments:${role}`);
  const departmentList = (departments.data?.departments ?? []).map((d) => ({ contact: null, ...d }));
  if (role !== "ADMIN") return <p className="notice notice--warn">{t("admin.settings.adminOnly")}</p>;
  return (
    <div className="bo-page">
      <header className="page-head">
        <h1>{t("admin.settings.title")}</h1>
      </header>
      <VenuesAdmin venues={venues.all} groups={venues.groups} onChanged={() => void venues.reload()} />
      <GroupsAdmin groups={venues.groups} onChanged={() => void venues.reload()} />
      <DepartmentsAdmin departments={departmentList} onChanged={() => void departments.reload()} />
      <AccountsAdmin venues={venues.all} departments={departmentList} />
      <PrivacyNoticeAdmin />
      <RetentionAdmin />
      <BackupsAdmin />
    </div>
  );
}
