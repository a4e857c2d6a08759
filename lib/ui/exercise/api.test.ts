// The live-status client against a scripted EventSource: the verdict stays shown after the
// server closes the stream (a late poll once reported "done" as a pending status again).
import { afterEach, describe, expect, it, vi } from "vitest";
import { watchSubmissionEvents } from "./api";

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
