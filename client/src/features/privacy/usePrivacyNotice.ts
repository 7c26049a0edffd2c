import { useEffect, useState } from "react";
import type { PrivacyNoticeView } from "@protocol/privacy.ts";
import { privacyApi } from "./privacy-api.ts";

/** The current privacy notice, loaded once per page; null while loading or when it cannot be loaded. */
export function usePrivacyNotice(): PrivacyNoticeView | null {
  const [notice, setNotice] = useState<PrivacyNoticeView | null>(null);
  useEffect(() => {
    let live = true;
    void privacyApi.notice().then((res) => {
      if (live && res.ok) setNotice(res.data.notice);
    });
    return () => {
      live = false;
    };
  }, []);
  return notice;
}
