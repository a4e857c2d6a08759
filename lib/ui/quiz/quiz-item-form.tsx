// One quiz item: pick a choice, several choices or type a number; POST to the answers API and
// show whether it is right, the feedback for the chosen choices and the explanation.
"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { z } from "zod";

const Grade = z.looseObject({
  correct: z.boolean(),
  score: z.number(),
  explanation: z.string(),
  feedback: z.array(z.object({ choice: z.string(), text: z.string() })).default([]),
});
type Grade = z.infer<typeof Grade>;

/** The server's rendering of the item's explanation and of the feedback on the picked choices. */
export interface RenderedFeedback {
  readonly explanationHtml: string;
  readonly feedback: readonly { readonly choice: string; readonly html: string }[];
}

export interface QuizItemView {
  readonly id: string;
  readonly kind: "multiple-choice" | "multiple-answer" | "numeric";
  readonly promptHtml: string;
  readonly choices: readonly { readonly id: string; readonly html: string }[];
}

export function QuizItemForm({
  quizId,
  item,
  signedIn,
  locale,
  renderFeedback,
}: {
  quizId: string;
  item: QuizItemView;
  signedIn: boolean;
  locale: string;
  renderFeedback: (quizId: string, itemId: string, locale: string) => Promise<RenderedFeedback | null>;
}) {
  const t = useTranslations("quiz");
  const name = useId();
  const [picked, setPicked] = useState<string[]>([]);
  const [value, setValue] = useState("");
  const [grade, setGrade] = useState<(Grade & { explanationHtml: string; feedbackHtml: string[] }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const answer =
    item.kind === "numeric"
      ? { kind: item.kind, value: Number(value) }
      : item.kind === "multiple-choice"
        ? { kind: item.kind, choice: picked[0] ?? "" }
        : { kind: item.kind, choices: picked };
  const ready = item.kind === "numeric" ? value.trim() !== "" && Number.isFinite(Number(value)) : picked.length > 0;

  const submit = async () => {
    setError(null);
    const response = await fetch(`/api/v1/quizzes/${encodeURIComponent(quizId)}/items/${encodeURIComponent(item.id)}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ answer, locale }),
    });
    if (!response.ok) {
      setError(`${response.status} ${response.statusText}`);
      return;
    }
    const parsed = Grade.parse(await response.json());
    // Feedback and explanation are the course's Markdown with LaTeX: the server renders them for
    // the answer it has just stored (by quiz and item id, never from text we send).
    const rendered = await renderFeedback(quizId, item.id, locale);
    const feedbackHtml = parsed.feedback.map((f) => rendered?.feedback.find((r) => r.choice === f.choice)?.html ?? "");
    setGrade({ ...parsed, explanationHtml: rendered?.explanationHtml ?? "", feedbackHtml });
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
        <label>
          <span className="sr-only">{t("number")}</span>
          <input type="text" inputMode="decimal" placeholder={t("number")} value={value} onChange={(e) => setValue(e.target.value)} />
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
        <button type="submit" className="primary" disabled={!signedIn || !ready}>
          {t("answer")}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {error ? <p className="bad">{error}</p> : null}
        {grade ? (
          <div className="stack" data-testid="quiz-grade" data-correct={grade.correct}>
            <p className={grade.correct ? "ok" : "bad"} style={{ fontWeight: 700, margin: 0 }}>
              {grade.correct ? t("correct") : t("incorrect")}
            </p>
            {grade.feedback.map((f, i) => (
              <div key={f.choice} data-testid="quiz-feedback" dangerouslySetInnerHTML={{ __html: grade.feedbackHtml[i] ?? "" }} />
            ))}
            <div>
              <strong>{t("explanation")}</strong>
              <div dangerouslySetInnerHTML={{ __html: grade.explanationHtml }} />
            </div>
          </div>
        ) : null}
      </div>
    </form>
  );
}
