/** /admin/* — the back office: schedule, records, cases, search, scoring, administration. Staff only. */
import { lazy, Suspense } from "react";
import { NavLink, Navigate, Route, Routes } from "react-router-dom";
import { PageLoading } from "../../components/PageLoading.tsx";
import { useT } from "../../i18n/useT.ts";
import { RequireLogin } from "../../components/RequireLogin.tsx";
import { useAuth } from "../../stores/auth.ts";
import { ApiReferencePage } from "./api-reference/ApiReferencePage.tsx";
import { CaseDetailPage } from "./cases/CaseDetailPage.tsx";
import { CasesPage } from "./cases/CasesPage.tsx";
import { RecordPage } from "./records/RecordPage.tsx";
import { RecordsPage } from "./records/RecordsPage.tsx";
import { SchedulePage } from "./schedule/SchedulePage.tsx";
import { SearchPage } from "./search/SearchPage.tsx";
import { SettingsPage } from "./settings/SettingsPage.tsx";
import { AuditPage } from "./privacy/AuditPage.tsx";
import { DeputyRecordPage } from "./duty/DeputyRecordPage.tsx";
import { DutyPage } from "./duty/DutyPage.tsx";
import { InvitationsPage } from "../forum/InvitationsPage.tsx";
import { ReplyLetterPage } from "../suggestions/ReplyLetterPage.tsx";
import { SuggestionDetailPage } from "../suggestions/SuggestionDetailPage.tsx";
import { SuggestionDraftPage } from "../suggestions/SuggestionDraftPage.tsx";
import { SuggestionsPage } from "../suggestions/SuggestionsPage.tsx";
import "./admin.css";

// The scoring page carries the charting library: only that page downloads it.
const StatsPage = lazy(() => import("./stats/StatsPage.tsx").then((m) => ({ default: m.StatsPage })));

function AdminNav() {
  const t = useT();
  const user = useAuth((s) => s.user);
  // A department account has one desk: the suggestions assigned to it (§6e).
  const links =
    user?.role === "DEPARTMENT"
      ? ([["/admin/suggestions", t("suggestion.deskNav")]] as const)
      : [
          ["/admin/schedule", t("admin.nav.schedule")],
          ["/admin/records", t("admin.nav.records")],
          ["/admin/cases", t("admin.nav.cases")],
          ["/admin/suggestions", t("suggestion.nav")],
          ["/admin/search", t("admin.nav.search")],
          ["/admin/stats", t("admin.nav.stats")],
          ["/admin/duty", t("duty.nav")],
          ...(user?.role === "ADMIN"
            ? [
                ["/admin/settings", t("admin.nav.settings")],
                ["/admin/audit", t("admin.audit.nav")],
                ["/admin/api", t("apiRef.nav")],
              ]
            : []),
        ] as const;
  return (
    <nav className="bo-nav" aria-label={t("admin.nav.label")}>
      {links.map(([to, label]) => (
        <NavLink key={to} to={to} className={({ isActive }) => `bo-nav__link${isActive ? " bo-nav__link--active" : ""}`}>
          {label}
        </NavLink>
      ))}
    </nav>
  );
}

export function AdminApp() {
  return (
    <RequireLogin>
      <div className="bo">
        <AdminNav />
        <AdminRoutes />
      </div>
    </RequireLogin>
  );
}

function AdminRoutes() {
  const role = useAuth((s) => s.user?.role);
  if (role === "DEPARTMENT") {
    return (
      <Routes>
        <Route path="suggestions" element={<SuggestionsPage />} />
        <Route path="suggestions/:suggestionId" element={<SuggestionDetailPage />} />
        <Route path="suggestions/:suggestionId/letter" element={<ReplyLetterPage />} />
        <Route path="*" element={<Navigate to="/admin/suggestions" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route index element={<Navigate to="schedule" replace />} />
      <Route path="schedule" element={<SchedulePage />} />
      <Route path="forums/:sessionId/invitations" element={<InvitationsPage />} />
      <Route path="records" element={<RecordsPage />} />
      <Route path="records/:sessionId" element={<RecordPage />} />
      <Route path="cases" element={<CasesPage />} />
      <Route path="cases/:caseId" element={<CaseDetailPage />} />
      <Route path="suggestions" element={<SuggestionsPage />} />
      <Route path="suggestions/new" element={<SuggestionDraftPage />} />
      <Route path="suggestions/:suggestionId" element={<SuggestionDetailPage />} />
      <Route path="suggestions/:suggestionId/letter" element={<ReplyLetterPage />} />
      <Route path="search" element={<SearchPage />} />
      <Route
        path="stats"
        element={
          <Suspense fallback={<PageLoading />}>
            <StatsPage />
          </Suspense>
        }
      />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="audit" element={<AuditPage />} />
      {/* the contract is public (GET /api/openapi.json): only the link is the administrator's */}
      <Route path="api" element={<ApiReferencePage />} />
      <Route path="duty" element={<DutyPage />} />
      <Route path="duty/:name" element={<DeputyRecordPage />} />
      <Route path="*" element={<Navigate to="schedule" replace />} />
    </Routes>
  );
}
