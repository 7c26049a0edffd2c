import { useEffect, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { ensureAuthChecked, useAuth } from "../stores/auth.ts";
import { useT } from "../i18n/useT.ts";

/** Staff-only views: send anonymous visitors to /login and back here afterwards. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const status = useAuth((s) => s.status);
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
  if (status === "anonymous") {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
