// The editor's errors as a list under it (type errors from TypeScript, Run and Submit errors at the
// learner's line): screen readers cannot see squiggles, and a line number to jump to helps anyone.
"use client";
import { useTranslations } from "next-intl";

export interface EditorProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function EditorProblems({ problems, onGoTo }: { problems: readonly EditorProblem[]; onGoTo: (problem: EditorProblem) => void }) {
  const t = useTranslations("workspace");
  return (
    <div data-testid="editor-problems" data-count={problems.length}>
      {problems.length > 0 ? (
        <details open className="editor-problems">
          <summary className="bad">{t("problems", { count: problems.length })}</summary>
          <ul>
            {problems.map((problem, i) => (
              <li key={`${problem.line}:${problem.column}:${i}`} data-testid="editor-problem" data-line={problem.line}>
                <button type="button" className="link-button" onClick={() => onGoTo(problem)}>
                  {t("problemLine", { line: problem.line })}
                </button>{" "}
                {problem.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
