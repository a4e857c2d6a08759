// The Run Web Worker: executes the learner's transpiled code against the visible examples with
// the same np runtime the grader uses. The page terminates this worker to stop a run (Stop button
// or time limit), so an infinite loop never freezes the tab.
import { executeRun, type RunRequest } from "./execute";

self.onmessage = (event: MessageEvent<RunRequest>) => {
  const result = executeRun(event.data);
  self.postMessage(result);
};
