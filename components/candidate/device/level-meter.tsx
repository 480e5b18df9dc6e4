"use client";

/** The microphone's input level as a meter a screen reader can read; the bar moves as the candidate speaks. */
export function LevelMeter({ level, label, valueText }: { level: number; label: string; valueText: string }) {
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={level}
      aria-valuetext={valueText}
      data-testid="level-meter"
      className="h-3 w-full overflow-hidden rounded-full bg-muted ring-1 ring-border"
    >
      <div className="h-full rounded-full bg-primary transition-[width] duration-100 ease-out motion-reduce:transition-none" style={{ width: `${level}%` }} />
    </div>
  );
}
