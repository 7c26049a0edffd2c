import { useEffect, useId, useRef, useState } from "react";
import type { SessionView, StreamSettings } from "@protocol/model.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { useAuth } from "../../stores/auth.ts";
import { streamApi } from "./stream-api.ts";

/**
 * Where the station's encoder (OBS…) pushes the hall stream, and whether it
 * arrives. The key is hidden until asked for: the console is often on the
 * hall's big screen. Only staff and admins may replace it (deputies see it).
 */
export function StreamPanel({ session }: { session: SessionView }) {
  const t = useT();
  const user = useAuth((s) => s.user);
  const inScope = !!user && (user.role === "ADMIN" || user.venueIds.includes(session.venueId));
  const mayRegenerate = inScope && user.role !== "DEPUTY" && session.status !== "ENDED";
  const [settings, setSettings] = useState<StreamSettings | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  // The staff projection carries the key: a key replaced on another console reloads this one.
  useEffect(() => {
    if (!inScope) return;
    let stale = false;
    void streamApi.settings(session.id).then((res) => {
      if (stale) return;
      if (res.ok) setSettings(res.data);
      else setError(res.error);
    });
    return () => {
      stale = true;
    };
  }, [session.id, session.streamKey, inScope]);

  if (!inScope) return null;
  const live = session.streamLive;

  const regenerate = async () => {
    setConfirming(false);
    setBusy(true);
    const res = await streamApi.regenerateKey(session.id);
    setBusy(false);
    if (res.ok) {
      setSettings(res.data);
      setError(null);
    } else setError(res.error);
  };

  return (
    <section className="panel stream-panel" aria-labelledby="stream-panel-title" data-testid="stream-panel">
      <div className="stream-panel__head">
        <h2 id="stream-panel-title">{t("streamPanel.title")}</h2>
        <span className={`stream-panel__state ${live ? "stream-panel__state--live" : ""}`} role="status" data-testid="stream-panel-state" data-live={live}>
          {t(live ? "streamPanel.live" : "streamPanel.notLive")}
        </span>
      </div>
      {settings ? (
        <>
          <CopyField label={t("streamPanel.server")} value={settings.rtmpUrl} testId="stream-rtmp-url" />
          <CopyField label={t("streamPanel.key")} value={settings.streamKey} secret testId="stream-key" />
          <p className="muted stream-panel__hint">{t("streamPanel.hint")}</p>
          {mayRegenerate ? (
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t("streamPanel.regenerate")}
            </button>
          ) : null}
        </>
      ) : error ? null : (
        <p className="muted">{t("common.loading")}</p>
      )}
      {error ? (
        <p className="action-error" role="alert">
          {t("streamPanel.loadFailed")} {errorMessage(t, error)}
        </p>
      ) : null}
      <Dialog open={confirming} title={t("streamPanel.regenerateTitle")} onClose={() => setConfirming(false)}>
        <p>{t("streamPanel.regenerateConfirm")}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--danger" onClick={() => void regenerate()}>
            {t("streamPanel.regenerate")}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function CopyField({ label, value, secret = false, testId }: { label: string; value: string; secret?: boolean; testId: string }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [shown, setShown] = useState(!secret);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      // navigator.clipboard exists only in secure contexts (https, localhost).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setShown(true);
      input.current?.select();
      setCopied("failed");
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field__row">
        <input ref={input} id={id} type={shown ? "text" : "password"} value={value} readOnly spellCheck={false} autoComplete="off" data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
        {secret ? (
          <button type="button" className="button" aria-pressed={shown} onClick={() => setShown((s) => !s)}>
            {t(shown ? "streamPanel.hide" : "streamPanel.show")}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => void copy()}>
          {t("streamPanel.copy")}
        </button>
      </div>
      <span className="copy-field__feedback" role="status">
        {copied === "yes" ? t("streamPanel.copied") : copied === "failed" ? t("streamPanel.copyFailed") : ""}
      </span>
    </div>
  );
}
