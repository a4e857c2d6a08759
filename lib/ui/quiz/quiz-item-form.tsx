// One quiz item: pick a choice, several choices or type a number; POST to the answers API and
// show whether it is right and the feedback on the picked choices, and the explanation once the
// item was answered correctly or tried the stated number of times. After a reload the learner's
// last answer and its result come back with the page (`initial`).
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { parseNumericAnswer } from "./numeric-answer";

type StoredAnswer =
  | { readonly kind: "multiple-choice"; readonly choice: string }
  | { readonly kind: "multiple-answer"; readonly choices: readonly string[] }
  | { readonly kind: "numeric"; readonly value: number };

/** The server's rendering of the learner's last answer to the item (lib/ui/quiz/feedback.server.ts). */
export interface RenderedFeedback {
  readonly answer: StoredAnswer;
  readonly correct: boolean;
  readonly tries: number;
  readonly explanationAfterTries: number;
  readonly explanationHtml: string | null;
  readonly feedback: readonly { readonly choice: string; readonly html: string }[];
}

export interface QuizItemView {
  readonly id: string;
  readonly kind: "multiple-choice" | "multiple-answer" | "numeric";
  readonly promptHtml: string;
  readonly choices: readonly { readonly id: string; readonly html: string }[];
}

function pickedOf(answer: StoredAnswer | undefined): string[] {
  if (answer?.kind === "multiple-choice") return [answer.choice];
  if (answer?.kind === "multiple-answer") return [...answer.choices];
  return [];
}

export function QuizItemForm({
  quizId,
  item,
  signedIn,
  locale,
  initial,
  renderFeedback,
}: {
  quizId: string;
  item: QuizItemView;
  signedIn: boolean;
  locale: string;
  initial: RenderedFeedback | null;
  renderFeedback: (quizId: string, itemId: string, locale: string) => Promise<RenderedFeedback | null>;
}) {
  const t = useTranslations("quiz");
  const name = useId();
  const [picked, setPicked] = useState<string[]>(pickedOf(initial?.answer));
  const [value, setValue] = useState(initial?.answer.kind === "numeric" ? String(initial.answer.value) : "");
  const [result, setResult] = useState<RenderedFeedback | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const number = parseNumericAnswer(value);
  const answer =
    item.kind === "numeric"
      ? { kind: item.kind, value: number.kind === "number" ? number.value : Number.NaN }
      : item.kind === "multiple-choice"
        ? { kind: item.kind, choice: picked[0] ?? "" }
        : { kind: item.kind, choices: picked };
  const ready = item.kind === "numeric" ? number.kind === "number" : picked.length > 0;

  const submit = async () => {
    setError(null);
    setSending(true);
    try {
      const response = await fetch(`/api/v1/quizzes/${encodeURIComponent(quizId)}/items/${encodeURIComponent(item.id)}/answers`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answer, locale }),
      });
      if (!response.ok) {
        setError(`${response.status} ${response.statusText}`);
        return;
      }
      // Feedback and explanation are the course's Markdown with LaTeX: the server renders them for
      // the answer it has just stored (by quiz and item id, never from text we send).
      setResult(await renderFeedback(quizId, item.id, locale));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="stack"
      data-testid={`quiz-item-${item.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
      {item.kind === "numeric" ? (
        <label className="stack" style={{ gap: "0.25rem" }}>
          <span className="sr-only">{t("number")}</span>
          <input
            type="text"
            inputMode="decimal"
            placeholder={t("number")}
            value={value}
            aria-invalid={number.kind === "invalid"}
            onChange={(e) => setValue(e.target.value)}
          />
          {number.kind === "invalid" ? (
            <span className="bad" data-testid="quiz-number-invalid">
              {t(`invalidNumber.${number.reason}`)}
            </span>
          ) : null}
        </label>
      ) : (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          {item.choices.map((choice) => (
            <label key={choice.id} className="row" style={{ alignItems: "baseline" }}>
              <input
                type={item.kind === "multiple-choice" ? "radio" : "checkbox"}
                name={name}
                value={choice.id}
                checked={picked.includes(choice.id)}
                onChange={(e) =>
                  setPicked((list) =>
                    item.kind === "multiple-choice" ? [choice.id] : e.target.checked ? [...list, choice.id] : list.filter((c) => c !== choice.id),
                  )
                }
              />
              <span dangerouslySetInnerHTML={{ __html: choice.html }} />
            </label>
          ))}
        </fieldset>
      )}
      <div>
        <button type="submit" className="primary" disabled={!signedIn || !ready || sending}>
          {t("answer")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {error ? <p className="bad">{error}</p> : null}
        {result ? (
          <div className="stack" data-testid="quiz-grade" data-correct={result.correct} data-tries={result.tries}>
            <p className={result.correct ? "ok" : "bad"} style={{ fontWeight: 700, margin: 0 }}>
              {result.correct ? t("correct") : t("incorrect")} <span className="muted">{t("tries", { tries: result.tries })}</span>
            </p>
            {result.feedback.map((f) => (
              <div key={f.choice} data-testid="quiz-feedback" dangerouslySetInnerHTML={{ __html: f.html }} />
            ))}
            {result.explanationHtml !== null ? (
              <div data-testid="quiz-explanation">
                <strong>{t("explanation")}</strong>
                <div dangerouslySetInnerHTML={{ __html: result.explanationHtml }} />
              </div>
            ) : (
              <p className="muted" data-testid="quiz-explanation-locked">
                {t("explanationLocked", { remaining: Math.max(0, result.explanationAfterTries - result.tries) })}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </form>
  );
}
