import { useT } from "../i18n/useT.ts";
import { useAuth } from "../stores/auth.ts";

/** Staff of another town see the public view only; say so before their clicks fail. */
export function OutOfScopeNotice({ venueId }: { venueId: string }) {
  const t = useT();
  const user = useAuth((s) => s.user);
  if (!user || user.role === "ADMIN" || user.venueIds.includes(venueId)) return null;
  return (
    <p className="notice notice--warn" role="alert">
      {t("scope.outOfScope")}
    </p>
  );
}
