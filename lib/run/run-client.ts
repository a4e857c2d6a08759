// Starts a Run in a fresh Web Worker and stops it on demand or at the time limit.
// A fresh worker per run: terminating is the only way to stop a busy loop, and np's
// RandomState starts from the same state every time, like a fresh grader isolate.
import type { RunRequest, RunResult } from "./execute";

export const RUN_TIME_LIMIT_MS = 5_000;

export type RunOutcome = { kind: "done"; result: RunResult } | { kind: "timeout" } | { kind: "stopped" } | { kind: "crashed"; message: string };

export interface RunHandle {
  readonly outcome: Promise<RunOutcome>;
  stop(): void;
}

export function startRun(request: RunRequest, timeLimitMs: number = RUN_TIME_LIMIT_MS): RunHandle {
  const worker = new Worker(new URL("./run.worker.ts", import.meta.url), { type: "module", name: "backprop-run" });
  let settle: (outcome: RunOutcome) => void = () => undefined;
  const outcome = new Promise<RunOutcome>((resolve) => {
    settle = resolve;
  });
  let finished = false;
  const finish = (result: RunOutcome) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    worker.terminate();
    settle(result);
  };
  const timer = setTimeout(() => finish({ kind: "timeout" }), timeLimitMs);
  worker.onmessage = (event: MessageEvent<RunResult>) => finish({ kind: "done", result: event.data });
  worker.onerror = (event) => finish({ kind: "crashed", message: event.message });
  worker.postMessage(request);
  return { outcome, stop: () => finish({ kind: "stopped" }) };
}
