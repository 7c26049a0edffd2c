import { FormField } from "../../components/FormField.tsx";
import { useT } from "../../i18n/useT.ts";

/** "I want a reply" and, only then, the phone (a phone is asked for only when a reply is wanted: docs/PRIVACY.md). */
export function ReplyContactFields({ idPrefix, wantsReply, phone, onWantsReply, onPhone, phoneError }: {
  idPrefix: string;
  wantsReply: boolean;
  phone: string;
  onWantsReply: (wants: boolean) => void;
  onPhone: (phone: string) => void;
  phoneError?: string | undefined;
}) {
  const t = useT();
  return (
    <>
      <div className="check">
        <input id={`${idPrefix}-reply`} type="checkbox" name="wantsReply" checked={wantsReply} onChange={(e) => onWantsReply(e.target.checked)} aria-describedby={`${idPrefix}-reply-hint`} />
        <label htmlFor={`${idPrefix}-reply`}>{t("privacy.join.wantsReply")}</label>
        <p id={`${idPrefix}-reply-hint`} className="field__hint">
          {t("privacy.join.wantsReplyHint")}
        </p>
      </div>
      {wantsReply ? (
        <FormField label={t("join.phone")} hint={t("join.phoneHint")} error={phoneError}>
          {(p) => <input {...p} name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={30} value={phone} onChange={(e) => onPhone(e.target.value)} />}
        </FormField>
      ) : null}
    </>
  );
}
