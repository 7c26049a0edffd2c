import { useT, type MessageKey } from "../i18n/useT.ts";
import { useLiveSession } from "../stores/live-session.ts";

/**
 * The live viewer count. It ticks often, so it is its own component: only
 * this span re-renders on a tick, not the page around it.
 */
export function ViewerCount({ label, className, hideWhenZero = false, testId }: { label: MessageKey; className?: string; hideWhenZero?: boolean; testId?: string }) {
  const t = useT();
  const viewers = useLiveSession((s) => s.viewers);
  if (hideWhenZero && viewers <= 0) return null;
  return (
    <span className={className} data-testid={testId}>
      {t(label, { n: viewers })}
    </span>
  );
}
