import { useEffect, useState } from "react";
import QRCode from "qrcode";
import { useParams } from "react-router-dom";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { messageApi, venuePageLink } from "./message-api.ts";
import { usePublicData } from "./usePublicData.ts";
import "./messages.css";

/** /v/:venueId/poster — an A4 poster for the station's wall: a large QR code to its page and three short steps. Always in Chinese. */
export function PosterPage() {
  const { venueId = "" } = useParams();
  const t = useT();
  const venue = usePublicData(() => messageApi.venue(venueId), venueId);
  const link = venuePageLink(venueId);
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Large enough to stay sharp at 12 cm on paper.
    void QRCode.toDataURL(link, { errorCorrectionLevel: "M", margin: 1, width: 1000 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [link]);
  const v = venue.data?.venue;
  useDocumentTitle(v ? `${v.name} · 群众留言二维码` : "群众留言二维码");

  if (venue.error) return <p className="page-message" role="alert">{errorMessage(t, venue.error)}</p>;
  return (
    <div className="poster-page">
      <p className="no-print poster-page__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("message.poster.print")}
        </button>
      </p>
      <article className="poster" data-testid="poster" data-link={link}>
        <p className="poster__kicker">人大代表联络站 · 全天候群众留言</p>
        <h1 className="poster__title">{v?.name ?? ""}</h1>
        <p className="poster__lead">有意见建议？扫码给代表留言</p>
        {qr ? <img className="poster__qr" src={qr} alt={`二维码：${link}`} data-testid="poster-qr" /> : <div className="poster__qr" />}
        <ol className="poster__steps">
          <li>用手机微信或相机扫描上方二维码</li>
          <li>写下您的姓名、事项和具体情况，需要答复可留电话</li>
          <li>提交后记下查询码，随时查看办理进度并评价</li>
        </ol>
        <p className="poster__link">{link}</p>
        {v?.address ? <p className="poster__address">地址：{v.address}</p> : null}
      </article>
    </div>
  );
}
