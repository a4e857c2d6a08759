// The exercise page's client island: the editor, Run (in a Web Worker, visible examples only),
// Submit (API + live status over SSE), the results, hints, the solution reveal and the history.
"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { editor } from "monaco-editor";
import { useCallback, useEffect, useRef, useState } from "react";
import { countsAsAttempt } from "@/grader/browser";
import type { RunRequest } from "@/lib/run/execute";
import { startRun, RUN_TIME_LIMIT_MS, type RunHandle, type RunOutcome } from "@/lib/run/run-client";
import { transpileInMonaco } from "@/lib/run/transpile-monaco";
import { EditorProblems, type EditorProblem } from "@/lib/ui/editor/editor-problems";
import type { Monaco } from "@/lib/ui/editor/monaco-setup";
import { plotProbes, probeTimeMs } from "@/lib/ui/plots/plot-config";
import { createSubmission, fetchSubmissions, watchSubmissionEvents, type SubmissionStatus, type SubmissionView } from "./api";
import { clearLocalDraft, newerDraft, readLocalDraft, saveServerDraft, writeLocalDraft } from "./drafts";
import { HistoryPanel } from "./history-panel";
import { RunPanel, type RunState } from "./run-panel";
import { SolutionReveal, type RevealSolution } from "./solution-reveal";
import type { WorkspaceExercise, WorkspaceLearner } from "./types";
import { VerdictPanel } from "./verdict-panel";

const CodeEditor = dynamic(() => import("@/lib/ui/editor/code-editor"), {
  ssr: false,
  loading: () => <EditorLoading />,
});

function EditorLoading() {
  const t = useTranslations("exercise");
  return <p className="muted" style={{ padding: "1rem" }}>{t("editorLoading")}</p>;
}

const MARKER_OWNER = "backprop";
const SERVER_DRAFT_DELAY_MS = 1500;

export type SubmitState =
  | { kind: "idle" }
  | { kind: "pending"; status: SubmissionStatus | "sending" }
  | { kind: "done"; submission: SubmissionView }
  | { kind: "failed"; message: string };

export function ExerciseWorkspace({
  exercise,
  learner,
  npTypings,
  revealSolution,
}: {
  exercise: WorkspaceExercise;
  learner: WorkspaceLearner;
  npTypings: string;
  revealSolution: RevealSolution;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const [code, setCode] = useState(exercise.starter);
  const [editorKey, setEditorKey] = useState(0);
  const [ready, setReady] = useState(false);
  const [runState, setRunState] = useState<RunState>({ kind: "idle" });
  const [submitState, setSubmitState] = useState<SubmitState>({ kind: "idle" });
  const [history, setHistory] = useState<SubmissionView[]>([]);
  const [solved, setSolved] = useState(learner.solved);
  const [attempts, setAttempts] = useState(learner.attempts);
  const [shownHints, setShownHints] = useState(0);
  const [draftNote, setDraftNote] = useState<string | null>(null);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const runRef = useRef<RunHandle | null>(null);
  const serverTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const runTimeLimitMs = RUN_TIME_LIMIT_MS + probeTimeMs(exercise.plot);

  // Restore the newer of the local draft and the account's (which came with the page).
  const serverCode = learner.serverDraft?.code;
  const serverUpdatedAt = learner.serverDraft?.updatedAt;
  useEffect(() => {
    let cancelled = false;
    const server = serverCode !== undefined && serverUpdatedAt !== undefined ? { code: serverCode, updatedAt: serverUpdatedAt } : null;
    const newer = newerDraft(readLocalDraft(exercise.id), server);
    if (newer) setCode(newer.code);
    if (learner.signedIn) {
      void fetchSubmissions(exercise.id).then((list) => !cancelled && setHistory(list), () => undefined);
    }
    return () => {
      cancelled = true;
    };
  }, [exercise.id, learner.signedIn, serverCode, serverUpdatedAt]);

  const onChange = useCallback(
    (next: string) => {
      setCode(next);
      writeLocalDraft(exercise.id, next);
      setDraftNote(t("exercise.draftSaved"));
      if (!learner.signedIn) return;
      if (serverTimer.current) clearTimeout(serverTimer.current);
      serverTimer.current = setTimeout(() => {
        void saveServerDraft(exercise.id, next).then((ok) => ok && setDraftNote(t("exercise.draftSavedServer")));
      }, SERVER_DRAFT_DELAY_MS);
    },
    [exercise.id, learner.signedIn, t],
  );

  const setMarkers = useCallback((markers: { message: string; line: number; column?: number }[]) => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({
        severity: monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: m.line,
        startColumn: m.column ?? 1,
        endLineNumber: m.line,
        endColumn: model.getLineMaxColumn(Math.min(m.line, model.getLineCount())),
      })),
    );
  }, []);

  const run = useCallback(async () => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model || runRef.current) return;
    setRunState({ kind: "compiling" });
    setMarkers([]);
    const transpiled = await transpileInMonaco(monaco, model);
    if (!transpiled.ok) {
      setRunState({ kind: "compile-error", message: transpiled.message, line: transpiled.line });
      setMarkers([{ message: transpiled.message, line: transpiled.line, column: transpiled.column }]);
      return;
    }
    const request: RunRequest = {
      js: transpiled.js,
      entry: exercise.entry,
      params: exercise.params,
      examples: exercise.examples,
      tolerance: exercise.tolerance,
      probes: plotProbes(exercise.plot, exercise.params, exercise.examples[0]?.args ?? {}),
    };
    const handle = startRun(request, runTimeLimitMs);
    runRef.current = handle;
    setRunState({ kind: "running" });
    const outcome: RunOutcome = await handle.outcome;
    runRef.current = null;
    setRunState({ kind: "finished", outcome });
    if (outcome.kind === "done") {
      const errors = [outcome.result.error, ...outcome.result.examples.map((e) => (e.status === "error" ? e.error : undefined))];
      setMarkers(errors.flatMap((e) => (e?.line ? [{ message: e.message, line: e.line, ...(e.column ? { column: e.column } : {}) }] : [])));
    }
  }, [exercise, runTimeLimitMs, setMarkers]);

  const stop = useCallback(() => runRef.current?.stop(), []);

  const submit = useCallback(async () => {
    if (!learner.signedIn || submitState.kind === "pending") return;
    const current = editorRef.current?.getValue() ?? code;
    setSubmitState({ kind: "pending", status: "sending" });
    setMarkers([]);
    try {
      const { id } = await createSubmission({ exerciseId: exercise.id, code: current, locale });
      const submission = await watchSubmissionEvents(id, (status) => setSubmitState({ kind: "pending", status }));
      setSubmitState({ kind: "done", submission });
      setHistory((list) => [submission, ...list.filter((s) => s.id !== submission.id)]);
      const verdict = submission.verdict;
      if (verdict && countsAsAttempt(verdict)) setAttempts((n) => n + 1);
      if (verdict?.status === "pass") setSolved(true);
      if (verdict?.error?.line) setMarkers([{ message: verdict.error.message, line: verdict.error.line, ...(verdict.error.column ? { column: verdict.error.column } : {}) }]);
    } catch (error) {
      setSubmitState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }, [code, exercise.id, learner.signedIn, locale, setMarkers, submitState.kind]);

  // Monaco's keybindings are registered once; they call the latest handlers through refs.
  const runLatest = useRef(run);
  const submitLatest = useRef(submit);
  useEffect(() => {
    runLatest.current = run;
    submitLatest.current = submit;
  }, [run, submit]);

  const onReady = useCallback((instance: editor.IStandaloneCodeEditor, monaco: Monaco) => {
    editorRef.current = instance;
    monacoRef.current = monaco;
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void runLatest.current());
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => void submitLatest.current());
    // Every owner's errors (TypeScript's, ours from Run and Submit) for this model, listed under the editor.
    const showProblems = () => {
      const model = instance.getModel();
      if (!model) return;
      const markers = monaco.editor.getModelMarkers({ resource: model.uri }).filter((m) => m.severity === monaco.MarkerSeverity.Error);
      markers.sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn);
      setProblems(markers.map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })));
    };
    const subscription = monaco.editor.onDidChangeMarkers((uris) => {
      const model = instance.getModel();
      if (model && uris.some((uri) => uri.toString() === model.uri.toString())) showProblems();
    });
    instance.onDidDispose(() => subscription.dispose());
    showProblems();
    setReady(true);
  }, []);

  const reset = () => {
    if (!window.confirm(t("exercise.resetConfirm"))) return;
    clearLocalDraft(exercise.id);
    setCode(exercise.starter);
    setEditorKey((k) => k + 1);
    if (learner.signedIn) void saveServerDraft(exercise.id, exercise.starter);
  };

  const openInEditor = (old: string) => {
    setCode(old);
    writeLocalDraft(exercise.id, old);
    editorRef.current?.setValue(old);
    editorRef.current?.focus();
  };

  const goToProblem = useCallback((problem: EditorProblem) => {
    const instance = editorRef.current;
    if (!instance) return;
    instance.setPosition({ lineNumber: problem.line, column: problem.column });
    instance.revealLineInCenter(problem.line);
    instance.focus();
  }, []);

  const running = runState.kind === "running" || runState.kind === "compiling";
  const submitting = submitState.kind === "pending";
  return (
    <div className="stack">
      <section aria-label={t("exercise.editor")} className="stack">
        <div className="editor-frame" data-testid="editor">
          <CodeEditor key={editorKey} exerciseId={exercise.id} value={code} npTypings={npTypings} label={t("exercise.editor")} onChange={onChange} onReady={onReady} />
        </div>
        <div className="row" role="toolbar" aria-label={t("exercise.editor")}>
          <button type="button" onClick={() => void run()} disabled={!ready || running} data-testid="run" aria-keyshortcuts="Control+Enter Meta+Enter" title={t("exercise.runHint")}>
            ▶ {t("exercise.run")}
          </button>
          {running ? (
            <button type="button" className="danger" onClick={stop} data-testid="stop">
              ■ {t("exercise.stop")}
            </button>
          ) : null}
          <button
            type="button"
            className="primary"
            onClick={() => void submit()}
            disabled={!ready || !learner.signedIn || submitting}
            data-testid="submit"
            aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
            title={t("exercise.submitHint")}
          >
            {t("exercise.submit")}
          </button>
          <button type="button" onClick={reset} data-testid="reset">
            {t("exercise.reset")}
          </button>
          <span className="muted" role="status" aria-live="polite" data-testid="draft-status">
            {draftNote}
          </span>
        </div>
        <p className="muted" style={{ margin: "0.25rem 0 0", fontSize: "0.85rem" }} data-testid="editor-keyboard-hint">
          {t("workspace.keyboardHint")}
        </p>
        <EditorProblems problems={problems} onGoTo={goToProblem} />
        {!learner.signedIn ? (
          <p className="notice">
            {t("exercise.signInToSubmit")} <Link href={`/sign-in?next=/exercises/${exercise.id}`}>{t("nav.signIn")}</Link>
          </p>
        ) : null}
      </section>
      <RunPanel state={runState} exercise={exercise} timeLimitSeconds={runTimeLimitMs / 1000} />
      <VerdictPanel state={submitState} />
      <section className="card stack" aria-labelledby="hints-heading">
        <h2 id="hints-heading" style={{ margin: 0 }}>
          {t("exercise.hints")}
        </h2>
        <ol data-testid="hints">
          {exercise.hints.slice(0, shownHints).map((hint, i) => (
            <li key={i}>{hint}</li>
          ))}
        </ol>
        {shownHints < exercise.hints.length ? (
          <button type="button" onClick={() => setShownHints((n) => n + 1)} data-testid="show-hint">
            {t("exercise.showHint", { shown: shownHints, total: exercise.hints.length })}
          </button>
        ) : (
          <p className="muted">{t("exercise.noMoreHints")}</p>
        )}
      </section>
      <SolutionReveal exerciseId={exercise.id} solved={solved} attempts={attempts} after={exercise.visibleSolutionAfterAttempts} signedIn={learner.signedIn} reveal={revealSolution} />
      {learner.signedIn ? <HistoryPanel history={history} onOpen={openInEditor} /> : null}
    </div>
  );
}
