import { useT } from "../i18n/useT.ts";

/** While a page's code arrives (a chunk fetched on first visit). */
export function PageLoading() {
  const t = useT();
  return (
    <p className="page-message" role="status">
      {t("common.loading")}
    </p>
  );
}
