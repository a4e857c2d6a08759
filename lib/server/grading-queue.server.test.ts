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

/** Polls until `check` holds (no wall-clock assertion: the test's own timeout bounds it). */
async function until(check: () => Promise<boolean>, pauseMs = 20): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, pauseMs));
}

describe("leases", () => {
  it("reclaims the rows of a runner that stopped heartbeating once its lease expires, and keeps its late verdict out", async () => {
    const { user } = await createUser();
    let releaseDead = () => {};
    const deadGate = new Promise<void>((resolve) => (releaseDead = resolve));
    const dead = queueWith(
      async (input) => {
        await deadGate;
        return buildVerdict({ seed: input.seed, status: "fail", score: 0.25 });
      },
      { soleRunner: false, leaseMs: 300, heartbeatMs: 50, concurrency: 1 },
    );
    const row = await dead.enqueue({ userId: user.id, exerciseId: "sigmoid", code: "lease-dead", locale: "ko" });
    await dead.start();
    await until(async () => (await selectSubmissionById(row.id))?.status === "running");
    const firstClaim = (await selectSubmissionById(row.id))?.leaseOwner;
    dead.simulateLostHeartbeat(); // it hangs: grading never ends and nothing renews its lease

    let rescuerGraded = 0;
    const rescuer = queueWith(
      (input) => {
        rescuerGraded += 1;
        return Promise.resolve(buildVerdict({ seed: input.seed, status: "pass", score: 1 }));
      },
      { soleRunner: false, leaseMs: 300, heartbeatMs: 50, pollIntervalMs: 20 },
    );
    await rescuer.start();
    await until(async () => (await selectSubmissionById(row.id))?.status === "done");
    await rescuer.stop();
    releaseDead(); // the hung runner wakes up and tries to store its verdict under its lost claim
    await dead.stop();

    const final = await selectSubmissionById(row.id);
    expect(rescuerGraded).toBe(1);
    expect(final).toMatchObject({ status: "done", score: 1, attempt: 1, gradingRuns: 2, leaseOwner: null });
    expect(firstClaim).toMatch(/\//);
    expect(await selectProgressByUser(user.id)).toMatchObject([{ attempts: 1 }]);
  });

  it("does not reclaim a long grading whose runner keeps renewing its lease", async () => {
    const { user } = await createUser();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const live = queueWith(
      async (input) => {
        await gate;
        return buildVerdict({ seed: input.seed, status: "fail", score: 0.5 });
      },
      { soleRunner: false, leaseMs: 1000, heartbeatMs: 50, concurrency: 1 },
    );
    const row = await live.enqueue({ userId: user.id, exerciseId: "sigmoid", code: "lease-live", locale: "ko" });
    await live.start();
    await until(async () => (await selectSubmissionById(row.id))?.status === "running");
    const claimed = await selectSubmissionById(row.id);
    const firstExpiry = claimed?.leaseExpiresAt?.getTime() ?? Number.NaN;

    let otherGraded = 0;
    const other = queueWith(
      () => {
        otherGraded += 1;
        return Promise.resolve(buildVerdict());
      },
      { soleRunner: false, leaseMs: 1000, heartbeatMs: 50, pollIntervalMs: 20 },
    );
    await other.start();
    // Wait until the lease has been renewed well past several lease lengths after its first
    // expiry: the grading has outlived its original lease many times over.
    await until(async () => ((await selectSubmissionById(row.id))?.leaseExpiresAt?.getTime() ?? 0) > firstExpiry + 3 * 1000);
    const during = await selectSubmissionById(row.id);
    expect(during).toMatchObject({ status: "running", leaseOwner: claimed?.leaseOwner, gradingRuns: 1 });
    release();
    await live.stop();
    await other.stop();
    expect(otherGraded).toBe(0);
    expect(await selectSubmissionById(row.id)).toMatchObject({ status: "done", score: 0.5, attempt: 1, gradingRuns: 1 });
  });
});

describe("fairness", () => {
  it("grades another user's single submission before the backlog of a user who queued many", async () => {
    const { user: busy } = await createUser();
    const { user: quiet } = await createUser();
    const order: string[] = [];
    const queue = queueWith(
      (input) => {
        order.push(input.code);
        return Promise.resolve(buildVerdict({ seed: input.seed }));
      },
      { concurrency: 1 },
    );
    for (let i = 0; i < 6; i += 1) await queue.enqueue({ userId: busy.id, exerciseId: "sigmoid", code: `busy-${i}`, locale: "ko" });
    await queue.enqueue({ userId: quiet.id, exerciseId: "sigmoid", code: "quiet-0", locale: "ko" });
    await queue.drain();
    expect(order).toHaveLength(7);
    // One grading per runner at most before the quiet user's turn, not the whole backlog.
    expect(order.indexOf("quiet-0")).toBeLessThanOrEqual(1);
    expect(order.filter((code) => code.startsWith("busy-"))).toEqual(["busy-0", "busy-1", "busy-2", "busy-3", "busy-4", "busy-5"]);
  });

  it("alternates between users with two runners sharing the database", async () => {
    const users = [(await createUser()).user, (await createUser()).user];
    const order: string[] = [];
    const grade: GradeFunction = async (input) => {
      order.push(input.code);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return buildVerdict({ seed: input.seed });
    };
    const a = queueWith(grade, { soleRunner: false, concurrency: 1 });
    const b = queueWith(grade, { soleRunner: false, concurrency: 1 });
    for (const [u, user] of users.entries()) {
      for (let i = 0; i < 4; i += 1) await a.enqueue({ userId: user.id, exerciseId: "sigmoid", code: `u${u}-${i}`, locale: "ko" });
    }
    await Promise.all([a.drain(), b.drain()]);
    expect([...order].sort()).toEqual(["u0-0", "u0-1", "u0-2", "u0-3", "u1-0", "u1-1", "u1-2", "u1-3"]);
    // The second user is served within the first two claims, not after the first user's four.
    expect(order.slice(0, 2).some((code) => code.startsWith("u1-"))).toBe(true);
  });
});
