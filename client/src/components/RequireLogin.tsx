import { useEffect, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { ensureAuthChecked, useAuth } from "../stores/auth.ts";
import { useT } from "../i18n/useT.ts";

export const PASSWORD_PAGE = "/account/password";

/**
 * Staff-only views: send anonymous visitors to /login and back here afterwards;
 * an account still on its initial password goes to choose a new one first
 * (docs/SECURITY.md), then comes back here.
 */
export function RequireLogin({ children }: { children: ReactNode }) {
  const status = useAuth((s) => s.status);
  const mustChange = useAuth((s) => s.user?.mustChangePassword ?? false);
  const location = useLocation();
  const t = useT();
  useEffect(() => {
    void ensureAuthChecked();
  }, []);
  if (status === "unknown" || status === "checking") {
    return (
      <p className="page-message" role="status">
        {t("common.loading")}
      </p>
    );
  }
  const next = location.pathname + location.search;
  if (status === "anonymous") {
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (mustChange && location.pathname !== PASSWORD_PAGE) {
    return <Navigate to={`${PASSWORD_PAGE}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
