import { Link, Outlet, useLocation } from "react-router-dom";
import { logout, useAuth } from "../stores/auth.ts";
import { useT } from "../i18n/useT.ts";
import { ConnectionBanner } from "./ConnectionBanner.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

/** Header, skip link and connection banner around every page but the hall screen. */
export function AppShell() {
  const t = useT();
  const user = useAuth((s) => s.user);
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <header className="app-header">
        <Link to="/" className="brand" aria-label={t("nav.home")}>
          <span className="brand__mark" aria-hidden="true">
            ◎
          </span>
          <span className="brand__name">{t("app.name")}</span>
        </Link>
        <nav className="app-header__nav" aria-label={t("nav.label")}>
          {user ? (
            <>
              <span className="app-header__user">{user.displayName}</span>
              <Link to={location.pathname.startsWith("/account/") ? "/account/password" : `/account/password?next=${encodeURIComponent(location.pathname)}`}>{t("nav.password")}</Link>
              <button type="button" className="link-button" onClick={() => void logout()}>
                {t("nav.logout")}
              </button>
            </>
          ) : location.pathname.startsWith("/login") || location.pathname.startsWith("/s/") ? null : (
            <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t("nav.login")}</Link>
          )}
          <LanguageSwitch />
        </nav>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
