// The verdict of a submission: live status while queued/running, then each test with pass/fail,
// expected vs actual for visible ones, worst entry, named misconceptions, the gradient check
// per parameter and the captured console output.
"use client";
import { useTranslations } from "next-intl";
import { GradientCheckPlot } from "@/lib/ui/plots/gradient-check-plot";
import type { VerdictView } from "./api";
import type { SubmitState } from "./exercise-workspace";
import { ValueView } from "./value-view";

export function VerdictPanel({ state }: { state: SubmitState }) {
  const t = useTranslations("verdict");
  if (state.kind === "idle") return null;
  return (
    <section className="card stack" aria-labelledby="verdict-heading" data-testid="verdict-panel">
      <h2 id="verdict-heading" style={{ margin: 0 }}>
        {t("title")}
      </h2>
      <div role="status" aria-live="polite" data-testid="verdict-status">
        {state.kind === "pending" ? <p>{state.status === "running" ? t("running") : t("queued")}</p> : null}
        {state.kind === "failed" ? <p className="bad">{t("failedToSubmit", { message: state.message })}</p> : null}
        {state.kind === "done" && !state.submission.verdict ? <p className="bad">{t("graderError")}</p> : null}
      </div>
      {state.kind === "done" && state.submission.verdict ? <Verdict verdict={state.submission.verdict} attempt={state.submission.attempt ?? null} /> : null}
    </section>
  );
}

export function Verdict({ verdict, attempt }: { verdict: VerdictView; attempt: number | null }) {
  const t = useTranslations("verdict");
  const label = useTranslations("workspace");
  const headline = verdict.graderError ? t("graderError") : t(verdict.status);
  return (
    <div className="stack" data-testid="verdict" data-status={verdict.status}>
      <p className={verdict.status === "pass" ? "ok" : "bad"} style={{ fontWeight: 700, margin: 0 }}>
        <span className={`badge ${verdict.status}`}>{label(`status.${verdict.status}`)}</span> {headline} · {t("score", { score: Math.round(verdict.score * 100) })}
        {attempt ? ` · ${t("attempt", { attempt })}` : ""}
      </p>
      {verdict.error ? (
        <p className="bad" data-testid="verdict-error" data-kind={verdict.error.kind}>
          {verdict.error.line ? `${label("problemLine", { line: verdict.error.line })}: ` : ""}
          {verdict.error.message}
        </p>
      ) : null}
      {verdict.misconceptions.length > 0 ? (
        <div className="notice" data-testid="misconceptions">
          <strong>{t("misconceptions")}</strong>
          <ul>
            {verdict.misconceptions.map((m) => (
              <li key={m.id} data-misconception={m.id}>
                {m.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {verdict.diagnosis ? (
        <p>
          <strong>{t("diagnosis")}: </strong>
          {verdict.diagnosis}
        </p>
      ) : null}
      {verdict.tests.length > 0 ? (
        <div>
          <h3 style={{ margin: "0 0 0.25rem", fontSize: "1rem" }}>{t("tests")}</h3>
          <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {verdict.tests.map((test, i) => (
              <li key={`${test.name}-${i}`} style={{ borderTop: "1px solid var(--border)", padding: "0.35rem 0" }} data-testid="verdict-test" data-status={test.status}>
                <span className={`badge ${test.status}`}>{label(`status.${test.status}`)}</span> {test.title ?? test.name}
                {!test.visible ? <span className="muted"> ({t("hidden")})</span> : null}
                {test.message ? <div className={test.status === "pass" ? "muted" : ""}>{test.message}</div> : null}
                {test.maxAbsError !== undefined && test.maxAbsError !== null && test.status !== "pass" ? (
                  <div className="muted">
                    {t("maxAbsError", { value: test.maxAbsError.toPrecision(3) })}
                    {test.worstIndex ? ` ${t("worstIndex", { index: `[${test.worstIndex.join(", ")}]` })}` : ""}
                  </div>
                ) : null}
                {test.visible && test.status !== "pass" && test.expected !== undefined ? (
                  <div className="row" style={{ alignItems: "flex-start" }}>
                    <ValueView label={label("expected")} value={test.expected} />
                    <ValueView label={label("actual")} value={test.actual} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {verdict.gradientCheck ? <GradientCheckPlot check={verdict.gradientCheck} /> : null}
      {verdict.stdout ? (
        <div>
          <h3 style={{ margin: 0, fontSize: "1rem" }}>{t("stdout")}</h3>
          <pre className="console">{verdict.stdout}</pre>
        </div>
      ) : null}
    </div>
  );
}
