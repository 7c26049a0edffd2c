import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT } from "../../i18n/useT.ts";
import { TrackLookupForm } from "./TrackLookupForm.tsx";
import "./track.css";

/** /track — type a tracking code (the link people are told to visit when they lost the QR). */
export function TrackLookupPage() {
  const t = useT();
  useDocumentTitle(`${t("track.lookup.title")} · ${t("app.name")}`);
  return (
    <div className="track-page">
      <TrackLookupForm headingLevel={1} />
    </div>
  );
}
