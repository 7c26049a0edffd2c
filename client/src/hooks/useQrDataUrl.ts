import { useEffect, useState } from "react";
import QRCode from "qrcode";

/** A QR code of `text` as a data: URL (null until drawn), sized for print and a phone's screen. */
export function useQrDataUrl(text: string): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 1, width: 320 }).then((url) => {
      if (!cancelled) setQr(url);
    });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return qr;
}
