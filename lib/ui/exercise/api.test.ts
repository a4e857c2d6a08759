// The browser's submissions client: live status against a scripted EventSource (the verdict stays
// shown after the server closes the stream), Idempotency-Key retries, and list summaries.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSubmission, fetchSubmissions, watchSubmissionEvents } from "./api";

class ScriptedEventSource extends EventTarget {
  static last: ScriptedEventSource | undefined;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    super();
    ScriptedEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
  send(status: string) {
    this.dispatchEvent(new MessageEvent(status, { data: JSON.stringify(view(status)) }));
  }
  drop() {
    this.onerror?.(new Event("error"));
  }
}

function view(status: string) {
  return { id: "s1", exerciseId: "sigmoid", status, score: status === "done" ? 1 : null, attempt: status === "done" ? 1 : null, errorReason: null, createdAt: "2026-11-28T00:00:00.000Z", finishedAt: null };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("watchSubmissionEvents", () => {
  it("reports queued and running, resolves once with the full submission, and ignores the stream closing after done", async () => {
    vi.stubGlobal("EventSource", ScriptedEventSource);
    let answer: (response: Response) => void = () => {};
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal("fetch", fetchMock);
    const statuses: string[] = [];
    const watching = watchSubmissionEvents("s1", (status) => statuses.push(status));
    const source = ScriptedEventSource.last;
    if (!source) throw new Error("no EventSource was opened");
    source.send("queued");
    source.send("running");
    source.send("done");
    source.drop(); // the server ends the stream before the full submission has arrived
    answer(new Response(JSON.stringify({ ...view("done"), code: "export const x = 1;" })));
    const submission = await watching;
    expect(submission).toMatchObject({ status: "done", code: "export const x = 1;" });
    expect(statuses).toEqual(["queued", "running"]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(source.closed).toBe(true);
  });

  it("falls back to polling when the stream breaks before the end", async () => {
    vi.stubGlobal("EventSource", ScriptedEventSource);
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify(view("done")))));
    vi.stubGlobal("fetch", fetchMock);
    const statuses: string[] = [];
    const watching = watchSubmissionEvents("s1", (status) => statuses.push(status));
    ScriptedEventSource.last?.send("queued");
    ScriptedEventSource.last?.drop();
    expect((await watching).status).toBe("done");
    expect(statuses).toEqual(["queued"]);
  });
});

describe("createSubmission", () => {
  it("sends one Idempotency-Key and sends it again when the connection fails before an answer", async () => {
    const keys: (string | null)[] = [];
    let calls = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn((_url: string, init: RequestInit) => {
        keys.push(new Headers(init.headers).get("idempotency-key"));
        calls += 1;
        if (calls === 1) return Promise.reject(new TypeError("fetch failed: connection reset"));
        return Promise.resolve(new Response(JSON.stringify({ id: "s1", status: "queued" }), { status: 200 }));
      }),
    );
    expect(await createSubmission({ exerciseId: "sigmoid", code: "x", locale: "en" }, { retryDelayMs: 1 })).toEqual({ id: "s1", status: "queued" });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    // A new submission gets a new key.
    await createSubmission({ exerciseId: "sigmoid", code: "y", locale: "en" }, { retryDelayMs: 1 });
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("shows the server's message for a refused submission (429) without retrying", async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ error: { code: "too_many_submissions", message: "Too many submissions: at most 20 per 60 s. Try again in 12 s." } }), { status: 429 })),
    );
    vi.stubGlobal("fetch", fetchMock);
    await expect(createSubmission({ exerciseId: "sigmoid", code: "x", locale: "en" })).rejects.toThrow("Try again in 12 s.");
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe("fetchSubmissions", () => {
  it("reads a page of summaries (status and score, no verdict)", async () => {
    const summary = { id: "s1", exerciseId: "sigmoid", status: "done", result: "fail", score: 0.5, attempt: 1, errorReason: null, createdAt: "2026-11-28T00:00:00.000Z", startedAt: null, finishedAt: null };
    const fetchMock = vi.fn((_url: string) => Promise.resolve(new Response(JSON.stringify({ submissions: [summary], nextCursor: null }))));
    vi.stubGlobal("fetch", fetchMock);
    expect(await fetchSubmissions("sigmoid")).toMatchObject([{ id: "s1", result: "fail", score: 0.5 }]);
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/v1/submissions?exerciseId=sigmoid&limit=50");
  });
});
