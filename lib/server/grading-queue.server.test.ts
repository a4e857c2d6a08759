// The grading queue against a fresh database, with a fake grader (the real one forks sandbox
// workers; its own tests live in grader/).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildVerdict, createSubmission, createUser } from "../../tests/factories";
import type { Database } from "./db.server";
import { claimNextQueuedSubmission, selectSubmissionById, type SubmissionRow } from "./data/submissions";
import { selectProgressByUser } from "./data/progress";
import { GradingQueue, watchSubmission, type GradeFunction, type GradingQueueOptions } from "./grading-queue.server";
import { openTestDatabase } from "./test-database";

let database: Database;
let learnerId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  learnerId = (await createUser()).user.id;
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.prisma.submission.updateMany({ where: { status: { in: ["queued", "running"] } }, data: { status: "error" } });
});

const logged: string[] = [];
function queueWith(grade: GradeFunction, overrides: Partial<GradingQueueOptions> = {}): GradingQueue {
  return new GradingQueue({
    grade,
    concurrency: 2,
    maxRuns: 3,
    staleAfterMs: 60_000,
    pollIntervalMs: 50,
    retryDelayMs: 1,
    soleRunner: true,
    log: (message) => logged.push(message),
    ...overrides,
  });
}

const passing: GradeFunction = (input) => Promise.resolve(buildVerdict({ exercise: input.exerciseId, seed: input.seed }));

describe("GradingQueue", () => {
  it("commits the submission before grading and grades it with its seed and locale", async () => {
    const seen: { status: string | undefined; seed: number; locale: string }[] = [];
    const queue = queueWith(async (input) => {
      const rows = await database.prisma.submission.findMany({ where: { code: input.code } });
      seen.push({ status: rows[0]?.status, seed: input.seed, locale: input.locale });
      return buildVerdict({ seed: input.seed });
    });
    const row = await queue.enqueue({ userId: learnerId, exerciseId: "sigmoid", code: "unique-code-1", locale: "en" });
    expect((await selectSubmissionById(row.id))?.status).toBe("queued");
    await queue.drain();
    expect(seen).toEqual([{ status: "running", seed: row.seed, locale: "en" }]);
    const done = await selectSubmissionById(row.id);
    expect(done).toMatchObject({ status: "done", score: 1, gradingRuns: 1 });
    expect(done?.attempt).toBeGreaterThanOrEqual(1);
    expect(done?.verdict?.seed).toBe(row.seed);
  });

  it("retries a crashing grader and ends in error with the reason, not counted as an attempt", async () => {
    const { user } = await createUser();
    let calls = 0;
    const queue = queueWith(() => {
      calls += 1;
      return Promise.reject(new Error("worker pool exhausted"));
    });
    const row = await queue.enqueue({ userId: user.id, exerciseId: "sigmoid", code: "x", locale: "ko" });
    await queue.drain();
    expect(calls).toBe(3);
    expect(await selectSubmissionById(row.id)).toMatchObject({
      status: "error",
      attempt: null,
      gradingRuns: 3,
      errorReason: "grader crashed: worker pool exhausted",
    });
    expect(await selectProgressByUser(user.id)).toEqual([]);
  });

  it("treats a graderError verdict as a grader failure and succeeds on a retry", async () => {
    const { user } = await createUser();
    let calls = 0;
    const queue = queueWith((input) => {
      calls += 1;
      return Promise.resolve(
        calls === 1
          ? buildVerdict({ status: "error", score: 0, graderError: true, error: { kind: "grader", message: "reference failed" } })
          : buildVerdict({ seed: input.seed, status: "fail", score: 0.5 }),
      );
    });
    const row = await queue.enqueue({ userId: user.id, exerciseId: "sigmoid", code: "x", locale: "ko" });
    await queue.drain();
    expect(await selectSubmissionById(row.id)).toMatchObject({ status: "done", attempt: 1, score: 0.5, gradingRuns: 2, errorReason: null });
  });

  it("keeps the grader's error verdict when grader failures use up every run", async () => {
    const queue = queueWith(() =>
      Promise.resolve(buildVerdict({ status: "error", score: 0, graderError: true, error: { kind: "grader", message: "exercise folder is broken" } })),
    );
    const row = await queue.enqueue({ userId: learnerId, exerciseId: "sigmoid", code: "x", locale: "ko" });
    await queue.drain();
    const final = await selectSubmissionById(row.id);
    expect(final).toMatchObject({ status: "error", attempt: null, errorReason: "exercise folder is broken" });
    expect(final?.verdict?.graderError).toBe(true);
  });

  it("refuses a malformed verdict as a grader failure", async () => {
    const queue = queueWith(() => Promise.resolve({ status: "pass" }), { maxRuns: 1 });
    const row = await queue.enqueue({ userId: learnerId, exerciseId: "sigmoid", code: "x", locale: "ko" });
    await queue.drain();
    expect((await selectSubmissionById(row.id))?.errorReason).toMatch(/^grader returned an invalid verdict/);
  });

  it("grades again, after a restart, what a crashed runner left queued or running", async () => {
    const left = await createSubmission(learnerId);
    const interrupted = await createSubmission(learnerId);
    // A runner claimed two rows and died; `left` is still queued behind nothing.
    await claimNextQueuedSubmission();
    expect((await selectSubmissionById(left.id))?.status).toBe("running");
    const queue = queueWith(passing);
    await queue.start();
    await queue.drain();
    await queue.stop();
    for (const id of [left.id, interrupted.id]) expect((await selectSubmissionById(id))?.status).toBe("done");
  });

  it("grades every submission exactly once with two runners on one database", async () => {
    const graded: string[] = [];
    const grade: GradeFunction = async (input) => {
      graded.push(input.code);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return buildVerdict({ seed: input.seed });
    };
    const a = queueWith(grade, { soleRunner: false });
    const b = queueWith(grade, { soleRunner: false });
    const codes = Array.from({ length: 8 }, (_, i) => `two-runners-${i}`);
    for (const code of codes) await a.enqueue({ userId: learnerId, exerciseId: "sigmoid", code, locale: "ko" });
    await Promise.all([a.drain(), b.drain()]);
    expect([...graded].sort()).toEqual([...codes].sort());
  });
});

describe("watchSubmission", () => {
  it("yields queued, running and done, then ends", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = queueWith(async (input) => {
      await gate;
      return buildVerdict({ seed: input.seed });
    });
    const row = await queue.enqueue({ userId: learnerId, exerciseId: "sigmoid", code: "watched", locale: "ko" });
    const states: SubmissionRow["status"][] = [];
    const watch = watchSubmission(row.id, { queue, pollIntervalMs: 1000 });
    const first = await watch.next();
    if (!first.done) states.push(first.value.status);
    const watching = (async () => {
      for await (const state of watch) {
        states.push(state.status);
        if (state.status === "running") release();
      }
    })();
    await queue.drain();
    await watching;
    expect(states).toEqual(["queued", "running", "done"]);
  });

  it("hears a change made by another runner through NOTIFY, long before its next poll", async () => {
    const row = await createSubmission(learnerId);
    const otherProcess = queueWith(passing);
    const listenerOnly = queueWith(passing);
    const states: string[] = [];
    const watch = watchSubmission(row.id, { queue: listenerOnly, pollIntervalMs: 600_000 });
    const first = await watch.next();
    if (!first.done) states.push(first.value.status);
    const watching = (async () => {
      for await (const state of watch) states.push(state.status);
    })();
    await otherProcess.drain();
    const timeout = new Promise<"timed out">((resolve) => setTimeout(() => resolve("timed out"), 10_000).unref());
    expect(await Promise.race([watching.then(() => "ended" as const), timeout])).toBe("ended");
    expect(states[0]).toBe("queued");
    expect(states.at(-1)).toBe("done");
  });

  it("sees a change made by another process by polling", async () => {
    const row = await createSubmission(learnerId);
    const otherProcess = queueWith(passing);
    const listenerOnly = queueWith(passing);
    const states: string[] = [];
    const watch = watchSubmission(row.id, { queue: listenerOnly, pollIntervalMs: 20 });
    const first = await watch.next();
    if (!first.done) states.push(first.value.status);
    const watching = (async () => {
      for await (const state of watch) states.push(state.status);
    })();
    await otherProcess.drain();
    await watching;
    expect(states[0]).toBe("queued");
    expect(states.at(-1)).toBe("done");
  });
});
