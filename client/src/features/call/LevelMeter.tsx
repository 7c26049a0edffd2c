/** A level bar (0…1) for a voice: big enough to read at arm's length. */
export function LevelMeter({ level, label, testId }: { level: number; label: string; testId?: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, level)) * 100);
  return (
    <div className="level-meter" data-testid={testId} data-level={level.toFixed(2)}>
      <span className="level-meter__label">{label}</span>
      <meter className="level-meter__bar" min={0} max={100} low={5} high={85} optimum={40} value={pct} aria-label={label}>
        {pct}%
      </meter>
    </div>
  );
}
