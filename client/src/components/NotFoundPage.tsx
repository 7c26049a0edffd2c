import { Link } from "react-router-dom";
import { useT } from "../i18n/useT.ts";

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page-message">
      <h1>{t("notFound.title")}</h1>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </div>
  );
}
