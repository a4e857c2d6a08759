// The reference solution, offered only after solving, or after N attempts (submissions that ran:
// grader/grading/attempts.ts, stated on the page) with a warning. The
// code comes from a server action that checks the same rule, so it never ships otherwise.
"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

export type RevealSolution = (exerciseId: string) => Promise<{ ok: true; code: string } | { ok: false }>;

export function SolutionReveal({
  exerciseId,
  solved,
  attempts,
  after,
  signedIn,
  reveal,
}: {
  exerciseId: string;
  solved: boolean;
  attempts: number;
  after: number | null;
  signedIn: boolean;
  reveal: RevealSolution;
}) {
  const t = useTranslations("exercise");
  const [code, setCode] = useState<string | null>(null);
  const unlocked = signedIn && (solved || (after !== null && attempts >= after));
  if (!signedIn || after === null && !solved) return null;
  return (
    <section className="card stack" aria-labelledby="solution-heading" data-testid="solution">
      <h2 id="solution-heading" style={{ margin: 0 }}>
        {t("solution")}
      </h2>
      {code !== null ? (
        <pre data-testid="solution-code">{code}</pre>
      ) : unlocked ? (
        <button
          type="button"
          onClick={() => {
            if (!solved && !window.confirm(t("solutionWarning"))) return;
            void reveal(exerciseId).then((result) => result.ok && setCode(result.code));
          }}
        >
          {t("showSolution")}
        </button>
      ) : (
        <p className="muted" data-testid="solution-locked">
          {t("solutionLocked", { attempts: after ?? 0 })} {t("solutionAttemptRule")}
        </p>
      )}
    </section>
  );
}
