// An accessible progress bar (role=progressbar with its value and a visible label).
import { percent } from "./catalog";

export function ProgressBar({ solved, total, label }: { solved: number; total: number; label: string }) {
  const value = percent(solved, total);
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-valuetext={`${solved} / ${total}`} className="progress">
      <span style={{ width: `${value}%` }} />
    </div>
  );
}
