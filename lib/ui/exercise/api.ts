// The browser's view of the submissions API (docs/architecture.md, HTTP API), validated with zod
// on the way in. Loose where the server may add fields; strict on the fields the page relies on.
import { z } from "zod";

export const VerdictView = z.looseObject({
  status: z.enum(["pass", "fail", "error"]),
  score: z.number(),
  tests: z.array(
    z.looseObject({
      name: z.string(),
      title: z.string().optional(),
      status: z.string(),
      message: z.string().optional(),
      visible: z.boolean(),
      expected: z.unknown().optional(),
      actual: z.unknown().optional(),
      maxAbsError: z.number().nullable().optional(),
      worstIndex: z.array(z.number()).optional().catch(undefined),
      path: z.string().optional(),
    }),
  ),
  misconceptions: z.array(z.looseObject({ id: z.string(), message: z.string() })),
  diagnosis: z.string().optional(),
  gradientCheck: z
    .looseObject({ difference: z.number(), perParameter: z.record(z.string(), z.number()) })
    .optional()
    .catch(undefined),
  stdout: z.string(),
  durationMs: z.number(),
  error: z
    .looseObject({ kind: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() })
    .optional(),
  graderError: z.boolean().optional(),
});
export type VerdictView = z.infer<typeof VerdictView>;

export const SubmissionStatus = z.enum(["queued", "running", "done", "error"]);
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;

export const SubmissionView = z.looseObject({
  id: z.string(),
  exerciseId: z.string(),
  status: SubmissionStatus,
  verdict: VerdictView.optional(),
  score: z.number().nullable().optional(),
  attempt: z.number().nullable().optional(),
  /** The verdict's status, in list summaries (which carry no verdict). */
  result: z.enum(["pass", "fail", "error"]).nullable().optional(),
  createdAt: z.string(),
  code: z.string().optional(),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

/** Submissions shown in an exercise's history (the newest; the API pages at most 100). */
export const HISTORY_PAGE_SIZE = 50;

const Created = z.object({ id: z.string(), status: SubmissionStatus });
const ApiError = z.looseObject({ error: z.union([z.string(), z.looseObject({ message: z.string() })]) });

async function errorMessage(response: Response): Promise<string> {
  try {
    const parsed = ApiError.safeParse(await response.json());
    if (parsed.success) return typeof parsed.data.error === "string" ? parsed.data.error : parsed.data.error.message;
  } catch {
    // Not JSON: fall back to the status line.
  }
  return `${response.status} ${response.statusText}`;
}

/** Attempts of one POST when the connection fails before an answer (reset, timeout). */
const SUBMIT_ATTEMPTS = 3;

/**
 * Submits code for grading. One Idempotency-Key per call, sent again on every retry, so a POST
 * that was stored but whose answer was lost (a connection reset) is not stored twice.
 */
export async function createSubmission(
  input: { exerciseId: string; code: string; locale: string },
  options: { retryDelayMs?: number } = {},
): Promise<{ id: string }> {
  const idempotencyKey = crypto.randomUUID();
  let response: Response | undefined;
  for (let attempt = 1; response === undefined; attempt += 1) {
    try {
      response = await fetch("/api/v1/submissions", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify(input),
      });
    } catch (error) {
      if (attempt >= SUBMIT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 500) * attempt));
    }
  }
  if (!response.ok) throw new Error(await errorMessage(response));
  return Created.parse(await response.json());
}

export async function fetchSubmission(id: string): Promise<SubmissionView> {
  const response = await fetch(`/api/v1/submissions/${encodeURIComponent(id)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(await errorMessage(response));
  return SubmissionView.parse(await response.json());
}

/** The newest submissions to this exercise, as summaries (no code, no verdict: fetched when opened). */
export async function fetchSubmissions(exerciseId: string): Promise<SubmissionView[]> {
  const response = await fetch(`/api/v1/submissions?exerciseId=${encodeURIComponent(exerciseId)}&limit=${HISTORY_PAGE_SIZE}`, { cache: "no-store" });
  if (!response.ok) throw new Error(await errorMessage(response));
  return z.object({ submissions: z.array(SubmissionView) }).parse(await response.json()).submissions;
}

/**
 * Follows a submission's live status over SSE until it is done or failed, then returns it with
 * its verdict. Falls back to polling if the event stream breaks (proxies, flaky networks).
 */
export function watchSubmissionEvents(id: string, onStatus: (status: "queued" | "running") => void): Promise<SubmissionView> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(`/api/v1/submissions/${encodeURIComponent(id)}/events`);
    let settled = false;
    let finalSeen = false;
    const finish = (view: SubmissionView) => {
      settled = true;
      source.close();
      resolve(view);
    };
    const onEvent = (event: Event) => {
      // EventSource also dispatches its own connection "error" events, without data.
      if (!(event instanceof MessageEvent) || typeof event.data !== "string") return;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = SubmissionView.safeParse(data);
      if (!parsed.success) return;
      if (finalSeen) return;
      if (parsed.data.status === "done" || parsed.data.status === "error") {
        // The event carries no code; fetch the full submission for history and markers. The
        // server closes the stream now, and that "error" must not start a poll that would report
        // the status again after the verdict is shown.
        finalSeen = true;
        fetchSubmission(id).then(finish, () => finish(parsed.data));
        return;
      }
      onStatus(parsed.data.status);
    };
    for (const status of SubmissionStatus.options) source.addEventListener(status, onEvent);
    source.onerror = () => {
      if (settled || finalSeen) return;
      source.close();
      void pollUntilDone(id, onStatus).then(resolve, reject);
    };
  });
}

async function pollUntilDone(id: string, onStatus: (status: "queued" | "running") => void): Promise<SubmissionView> {
  for (;;) {
    const view = await fetchSubmission(id);
    if (view.status === "done" || view.status === "error") return view;
    onStatus(view.status);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
