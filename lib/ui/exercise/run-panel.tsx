// Run results: per visible example pass/fail with expected and actual, errors with their line,
// console output, and the plot when the exercise has one.
"use client";
import { useLocale, useTranslations } from "next-intl";
import type { RunOutcome } from "@/lib/run/run-client";
import { ActivationPlot } from "@/lib/ui/plots/activation-plot";
import { SymmetryPlot } from "@/lib/ui/plots/symmetry-plot";
import { TrainingPlots } from "@/lib/ui/plots/training-plots";
import { mismatchText } from "./mismatch-text";
import type { WorkspaceExercise } from "./types";
import { ValueView } from "./value-view";

export type RunState =
  | { kind: "idle" }
  | { kind: "compiling" }
  | { kind: "running" }
  | { kind: "compile-error"; message: string; line: number }
  | { kind: "finished"; outcome: RunOutcome };

export function RunPanel({ state, exercise, timeLimitSeconds }: { state: RunState; exercise: WorkspaceExercise; timeLimitSeconds: number }) {
  const t = useTranslations("run");
  const locale = useLocale();
  return (
    <section className="card stack" aria-labelledby="run-heading" data-testid="run-panel" aria-busy={state.kind === "running" || state.kind === "compiling"}>
      <h2 id="run-heading" style={{ margin: 0 }}>
        {t("title")}
      </h2>
      <div role="status" aria-live="polite">
        {state.kind === "idle" ? <p className="muted">{t("idle")}</p> : null}
        {state.kind === "compiling" ? <p>{t("compiling")}</p> : null}
        {state.kind === "running" ? <p>{t("running")}</p> : null}
        {state.kind === "compile-error" ? (
          <p className="bad" data-testid="run-error">
            {t("compileError")} ({t("line", { line: state.line })}): {state.message}
          </p>
        ) : null}
        {state.kind === "finished" && state.outcome.kind === "timeout" ? (
          <p className="bad" data-testid="run-timeout">
            {t("timeout", { seconds: timeLimitSeconds })}
          </p>
        ) : null}
        {state.kind === "finished" && state.outcome.kind === "stopped" ? <p>{t("stopped")}</p> : null}
        {state.kind === "finished" && state.outcome.kind === "crashed" ? <p className="bad">{state.outcome.message}</p> : null}
      </div>
      {state.kind === "finished" && state.outcome.kind === "done" ? <RunResults result={state.outcome.result} exercise={exercise} locale={locale} /> : null}
    </section>
  );
}

function RunResults({ result, exercise, locale }: { result: Extract<RunOutcome, { kind: "done" }>["result"]; exercise: WorkspaceExercise; locale: string }) {
  const t = useTranslations("run");
  const passed = result.examples.filter((e) => e.status === "pass").length;
  const total = exercise.examples.length;
  const plot = exercise.plot;
  const probe = result.probes[0];
  return (
    <div className="stack">
      {result.error ? (
        <p className="bad" data-testid="run-error">
          {t("runtimeError")}
          {result.error.line ? ` (${t("line", { line: result.error.line })})` : ""}: {result.error.message}
        </p>
      ) : (
        <p data-testid="run-summary" className={passed === total ? "ok" : "bad"}>
          {passed === total ? t("allPassed", { total }) : t("somePassed", { passed, total })}
        </p>
      )}
      {result.examples.map((outcome) => {
        const example = exercise.examples.find((e) => e.name === outcome.name);
        return (
          <details key={outcome.name} open={outcome.status !== "pass"} data-testid={`run-example-${outcome.name}`} data-status={outcome.status}>
            <summary>
              <span className={`badge ${outcome.status}`}>{t(outcome.status)}</span> {example?.title ?? outcome.name}
            </summary>
            {outcome.status === "error" ? (
              <p className="bad">
                {outcome.error.line ? `${t("line", { line: outcome.error.line })}: ` : ""}
                {outcome.error.message}
              </p>
            ) : (
              <>
                {outcome.comparison.mismatch ? <p className="bad">{mismatchText(outcome.comparison.mismatch, locale)}</p> : null}
                <ValueView label={t("expected")} value={example?.expected} />
                <ValueView label={t("actual")} value={outcome.actual} />
              </>
            )}
          </details>
        );
      })}
      {plot?.kind === "activation" && probe?.actual ? <ActivationPlot spec={plot} learner={probe.actual} args={exercise.examples[0]?.args ?? {}} /> : null}
      {plot?.kind === "training" ? <TrainingPlots spec={plot} probes={result.probes} /> : null}
      {plot?.kind === "symmetry" && probe?.actual ? <SymmetryPlot spec={plot} learner={probe.actual} /> : null}
      {result.stdout ? (
        <div>
          <h3 style={{ margin: 0, fontSize: "1rem" }}>{t("console")}</h3>
          <pre className="console" data-testid="run-console">
            {result.stdout}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
