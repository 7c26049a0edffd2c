import { useEffect } from "react";
import { Link, Outlet, useLocation } from "react-router-dom";
import { logout, useAuth } from "../stores/auth.ts";
import { useT } from "../i18n/useT.ts";
import { ConnectionBanner } from "./ConnectionBanner.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { ElderOffer, ElderSwitch } from "./ElderSwitch.tsx";
import { usePreferences } from "../stores/preferences.ts";

/** Staff work here; everything else in the shell is a page a voter may open (docs/ARCHITECTURE.md §7b). */
const STAFF_PATHS = ["/login", "/hall/", "/desk/", "/admin", "/help/"];
export const isVoterFacing = (pathname: string) => !STAFF_PATHS.some((p) => pathname === p || pathname.startsWith(p));

/** Header, skip link and connection banner around every page but the hall screen. */
export function AppShell() {
  const t = useT();
  const user = useAuth((s) => s.user);
  const location = useLocation();
  const voterFacing = isVoterFacing(location.pathname);
  // 长辈版 also leaves out the staff login: one thing less in a header that wraps at this size.
  const elder = usePreferences((s) => s.elder) === true && voterFacing;
  // One root class switches the type scale, spacing and colours (base.css) — no per-component sizes.
  useEffect(() => {
    document.documentElement.classList.toggle("elder", elder);
    return () => document.documentElement.classList.remove("elder");
  }, [elder]);
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
          ) : location.pathname.startsWith("/login") || location.pathname.startsWith("/s/") || elder ? null : (
            <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t("nav.login")}</Link>
          )}
          {voterFacing ? <ElderSwitch /> : null}
          <LanguageSwitch />
        </nav>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        {voterFacing ? <ElderOffer /> : null}
        <Outlet />
      </main>
    </>
  );
}
