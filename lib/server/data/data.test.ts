// The data-access modules against a fresh database (PGlite by default, PostgreSQL with
// BACKPROP_TEST_DB=pg): the grading state machine, progress, tokens, drafts, quiz answers, users.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildVerdict, createSubmission, createUser } from "../../../tests/factories";
import type { Database } from "../db.server";
import { openTestDatabase } from "../test-database";
import { insertApiToken, looksLikeApiToken, revokeApiToken, selectActiveApiTokenBySecret, selectApiTokensByUser } from "./api-tokens";
import { selectDraft, upsertDraft } from "./drafts";
import { selectProgressByUser } from "./progress";
import { insertQuizAnswer, selectQuizAnswers } from "./quiz-answers";
import {
  claimNextQueuedSubmission,
  failSubmission,
  finishSubmission,
  IdempotencyKeyTaken,
  insertSubmission,
  reclaimExpiredLeases,
  renewLeases,
  requeueSubmission,
  selectSubmissionById,
  selectSubmissionByIdempotencyKey,
  selectSubmissionsByUser,
  SubmissionLimitReached,
  type SubmissionLimits,
} from "./submissions";
import { selectUserByEmail, updateUserRole } from "./users";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** Leaves nothing queued from an earlier test, so the next claim is the caller's row. */
async function claim(id: string) {
  const row = await claimNextQueuedSubmission();
  expect(row?.id).toBe(id);
  return row;
}

describe("submissions", () => {
  // Each test claims its own rows: nothing queued by an earlier test may be claimed first.
  beforeEach(async () => {
    await database.prisma.submission.updateMany({ where: { status: { in: ["queued", "running"] } }, data: { status: "error" } });
  });

  it("moves queued → running → done, numbering attempts per learner and exercise", async () => {
    const { user } = await createUser();
    const first = await createSubmission(user.id, { seed: 7 });
    expect(first).toMatchObject({ status: "queued", seed: 7, attempt: null, gradingRuns: 0, verdict: null });
    expect(await claim(first.id)).toMatchObject({ status: "running", gradingRuns: 1 });
    const done = await finishSubmission(first.id, buildVerdict({ status: "fail", score: 0.25 }));
    expect(done.row).toMatchObject({ status: "done", attempt: 1, score: 0.25 });
    expect(done.row?.verdict?.tests).toHaveLength(2);
    expect(done.row?.finishedAt).toBeInstanceOf(Date);

    const second = await createSubmission(user.id);
    await claim(second.id);
    expect((await finishSubmission(second.id, buildVerdict())).row).toMatchObject({ attempt: 2, score: 1 });
    const other = await createSubmission(user.id, { exerciseId: "tanh" });
    await claim(other.id);
    expect((await finishSubmission(other.id, buildVerdict({ exercise: "tanh" }))).row?.attempt).toBe(1);

    const listed = await selectSubmissionsByUser(user.id, { exerciseId: "sigmoid", limit: 10 });
    expect(listed.rows.map((row) => row.id)).toEqual([second.id, first.id]);
  });

  it("writes a verdict once: a second write, or one for a row that is not running, changes nothing", async () => {
    const { user } = await createUser();
    const row = await createSubmission(user.id);
    expect((await finishSubmission(row.id, buildVerdict())).row).toBeNull();
    await claim(row.id);
    expect((await finishSubmission(row.id, buildVerdict({ score: 0.5, status: "fail" }))).row?.score).toBe(0.5);
    expect((await finishSubmission(row.id, buildVerdict())).row).toBeNull();
    expect(await selectSubmissionById(row.id)).toMatchObject({ status: "done", score: 0.5, attempt: 1 });
    expect((await failSubmission(row.id, "late failure", null)).row).toBeNull();
    expect(await selectProgressByUser(user.id)).toMatchObject([{ exerciseId: "sigmoid", attempts: 1 }]);
  });

  it("gives each of concurrent finishes of one learner its own attempt number", async () => {
    const { user } = await createUser();
    const rows = [];
    for (let i = 0; i < 4; i += 1) rows.push(await createSubmission(user.id, { code: `c${i}` }));
    for (const row of rows) await claim(row.id);
    const outcomes = await Promise.all(rows.map((row) => finishSubmission(row.id, buildVerdict({ status: "fail", score: 0 }))));
    expect(outcomes.map((o) => o.row?.attempt).sort()).toEqual([1, 2, 3, 4]);
    expect(await selectProgressByUser(user.id)).toMatchObject([{ attempts: 4, status: "attempted" }]);
  });

  it("requeues on a grader failure and recovers rows a dead runner left running", async () => {
    const { user } = await createUser();
    const row = await createSubmission(user.id);
    await claim(row.id);
    expect(await requeueSubmission(row.id, "worker died")).toBe(true);
    expect(await requeueSubmission(row.id, "again")).toBe(false);
    expect(await selectSubmissionById(row.id)).toMatchObject({ status: "queued", errorReason: "worker died", startedAt: null });

    // A claim whose lease has already expired (its runner stopped renewing it) is reclaimed;
    // a live lease is not.
    await claimNextQueuedSubmission({ runner: "live", leaseMs: 60_000 });
    expect(await reclaimExpiredLeases({ maxRuns: 3 })).toMatchObject({ requeued: 0, failed: 0 });
    await database.prisma.submission.update({ where: { id: row.id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await reclaimExpiredLeases({ maxRuns: 3 })).toEqual({ requeued: 1, failed: 0, ids: [row.id] });
    expect(await selectSubmissionById(row.id)).toMatchObject({ status: "queued", leaseOwner: null, leaseExpiresAt: null });
    await claim(row.id);
    expect(await reclaimExpiredLeases({ maxRuns: 3, everyRunning: true })).toEqual({ requeued: 0, failed: 1, ids: [row.id] });
    const failed = await selectSubmissionById(row.id);
    expect(failed).toMatchObject({ status: "error", attempt: null, gradingRuns: 3 });
    expect(failed?.errorReason).toMatch(/interrupted 3 times/);
    expect(await selectProgressByUser(user.id)).toEqual([]);
  });

  it("stores a verdict only under the claim that holds the row: a runner whose lease was reclaimed is refused", async () => {
    const { user } = await createUser();
    const row = await createSubmission(user.id);
    const first = await claimNextQueuedSubmission({ runner: "first", leaseMs: 60_000 });
    expect(first?.id).toBe(row.id);
    expect(first?.leaseOwner).toMatch(/^first\//);
    expect(await renewLeases([first?.leaseOwner ?? ""], 60_000)).toEqual(new Set([first?.leaseOwner]));
    await database.prisma.submission.update({ where: { id: row.id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await reclaimExpiredLeases({ maxRuns: 3 })).toEqual({ requeued: 1, failed: 0, ids: [row.id] });
    const second = await claimNextQueuedSubmission({ runner: "second", leaseMs: 60_000 });
    expect(second?.id).toBe(row.id);
    // The first runner's heartbeat and writes find their claim gone.
    expect(await renewLeases([first?.leaseOwner ?? ""], 60_000)).toEqual(new Set());
    expect((await finishSubmission(row.id, buildVerdict({ score: 0.1, status: "fail" }), { leaseOwner: first?.leaseOwner ?? "" })).row).toBeNull();
    expect(await requeueSubmission(row.id, "late", { leaseOwner: first?.leaseOwner ?? "" })).toBe(false);
    expect((await failSubmission(row.id, "late", null, { leaseOwner: first?.leaseOwner ?? "" })).row).toBeNull();
    const done = await finishSubmission(row.id, buildVerdict({ score: 0.75, status: "fail" }), { leaseOwner: second?.leaseOwner ?? "" });
    expect(done.row).toMatchObject({ status: "done", score: 0.75, attempt: 1, gradingRuns: 2, leaseOwner: null, leaseExpiresAt: null });
  });

  it("creates a new exercise and version once when the first submissions and verdicts for it arrive together", async () => {
    const { user } = await createUser();
    const exerciseId = `race-${randomUUID().slice(0, 8)}`;
    const version = `sha256-${randomUUID()}`;
    const rows = await Promise.all(
      Array.from({ length: 8 }, (_, i) => insertSubmission({ userId: user.id, exerciseId, code: `c${i}`, locale: "ko", exerciseVersion: version })),
    );
    expect(new Set(rows.map((row) => row.exerciseVersionId)).size).toBe(1);
    // A verdict names the version it was graded against; the first verdicts of a new version race too.
    const claims = [];
    for (let i = 0; i < rows.length; i += 1) claims.push(await claimNextQueuedSubmission());
    const newer = `sha256-${randomUUID()}`;
    const outcomes = await Promise.all(rows.map((row) => finishSubmission(row.id, buildVerdict({ exercise: exerciseId, exerciseVersion: newer }))));
    expect(outcomes.every((outcome) => outcome.row?.status === "done")).toBe(true);
    expect(await database.prisma.exerciseVersion.count({ where: { exerciseId } })).toBe(2);
    expect(claims.every((claimed) => claimed !== null)).toBe(true);
  });

  it("limits a user's pending submissions and submissions per window, exactly, even when they arrive together", async () => {
    const { user } = await createUser();
    const submit = (limits: SubmissionLimits, code: string) => insertSubmission({ userId: user.id, exerciseId: "sigmoid", code, locale: "ko", limits });
    const pendingLimit = { maxPending: 3, perWindow: 1000, windowSeconds: 60 };
    const settled = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => submit(pendingLimit, `p${i}`)));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(3);
    const refused = settled.find((s) => s.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toMatchObject({ name: "SubmissionLimitReached", limit: "pending" });
    expect(await database.prisma.submission.count({ where: { userId: user.id } })).toBe(3);

    // Graded submissions still count towards the window.
    await database.prisma.submission.updateMany({ where: { userId: user.id }, data: { status: "done" } });
    const rateLimit = { maxPending: 1000, perWindow: 5, windowSeconds: 60 };
    await submit(rateLimit, "r1");
    await submit(rateLimit, "r2");
    const error = await submit(rateLimit, "r3").then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SubmissionLimitReached);
    const limited = error as SubmissionLimitReached;
    expect(limited.limit).toBe("rate");
    expect(limited.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(limited.message).toMatch(/at most 5 per 60 s/);
  });

  it("stores an idempotency key once per user", async () => {
    const { user } = await createUser();
    const { user: other } = await createUser();
    const first = await insertSubmission({ userId: user.id, exerciseId: "sigmoid", code: "k", locale: "ko", idempotencyKey: "key-1", requestHash: "h" });
    expect((await selectSubmissionByIdempotencyKey(user.id, "key-1"))?.id).toBe(first.id);
    await expect(insertSubmission({ userId: user.id, exerciseId: "sigmoid", code: "k", locale: "ko", idempotencyKey: "key-1" })).rejects.toBeInstanceOf(
      IdempotencyKeyTaken,
    );
    // Keys are per user.
    await insertSubmission({ userId: other.id, exerciseId: "sigmoid", code: "k", locale: "ko", idempotencyKey: "key-1" });
    expect(await selectSubmissionByIdempotencyKey(other.id, "key-2")).toBeNull();
  });

  it("lists a user's submissions in pages of summaries, newest first, without code or verdict", async () => {
    const { user } = await createUser();
    const made = [];
    for (let i = 0; i < 5; i += 1) made.push(await createSubmission(user.id, { code: `page-${i}` }));
    await claim(made[0]?.id ?? "");
    await finishSubmission(made[0]?.id ?? "", buildVerdict({ status: "fail", score: 0.5 }));
    const pages = [];
    let after;
    for (;;) {
      const page = await selectSubmissionsByUser(user.id, { limit: 2, ...(after === undefined ? {} : { after }) });
      pages.push(page.rows);
      if (page.next === null) break;
      after = page.next;
    }
    expect(pages.map((rows) => rows.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((row) => row.id)).toEqual([...made].reverse().map((row) => row.id));
    expect(pages[2]?.[0]).toMatchObject({ status: "done", result: "fail", score: 0.5, attempt: 1 });
    expect(pages[2]?.[0]).not.toHaveProperty("verdict");
    expect(pages[2]?.[0]).not.toHaveProperty("code");
    expect(pages[0]?.[0]).toMatchObject({ status: "queued", result: null });
  });

  it("reads a stored verdict that breaks the contract as no verdict, not a crash", async () => {
    const { user } = await createUser();
    const row = await createSubmission(user.id);
    await database.prisma.submission.update({ where: { id: row.id }, data: { status: "error", verdict: { status: "pass" } } });
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect((await selectSubmissionById(row.id))?.verdict).toBeNull();
    } finally {
      console.warn = warn;
    }
    expect(warnings).toHaveLength(1);
  });
});

describe("progress", () => {
  it("keeps passed once passed, the best score, and the time of the first pass", async () => {
    const { user } = await createUser();
    const scores: [string, number][] = [["fail", 0.5], ["pass", 1], ["fail", 0.2]];
    for (const [status, score] of scores) {
      const row = await createSubmission(user.id);
      await claim(row.id);
      await finishSubmission(row.id, buildVerdict({ status: status as "pass" | "fail", score }));
    }
    const [progress] = await selectProgressByUser(user.id);
    expect(progress).toMatchObject({ status: "passed", bestScore: 1, attempts: 3 });
    expect(progress?.passedAt).toBeInstanceOf(Date);
  });

  it("counts only submissions that ran: compile errors, time-outs, oversized results and refused uploads are not attempts (issue 11)", async () => {
    const { user } = await createUser();
    const notRun = ["compile", "timeout", "too-large", "upload", "compile", "timeout"] as const;
    for (const kind of notRun) {
      const row = await createSubmission(user.id);
      await claim(row.id);
      await finishSubmission(row.id, buildVerdict({ status: "error", score: 0, tests: [], error: { kind, message: kind } }));
    }
    expect((await selectProgressByUser(user.id))[0]).toMatchObject({ status: "attempted", attempts: 0 });
    for (const verdict of [buildVerdict({ status: "error", score: 0, error: { kind: "throw", message: "boom" } }), buildVerdict({ status: "fail", score: 0.5 })]) {
      const row = await createSubmission(user.id);
      await claim(row.id);
      await finishSubmission(row.id, verdict);
    }
    expect((await selectProgressByUser(user.id))[0]).toMatchObject({ status: "attempted", attempts: 2 });
  });
});

describe("api tokens", () => {
  it("stores only a hash, finds a live token by its secret, and stops at revocation or expiry", async () => {
    const { user } = await createUser({ role: "instructor" });
    const { token, secret } = await insertApiToken({ userId: user.id, name: "ci", scopes: ["submissions:read", "submissions:read"] });
    expect(looksLikeApiToken(secret)).toBe(true);
    expect(token.scopes).toEqual(["submissions:read"]);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const stored = await database.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(stored)).not.toContain(secret);

    const found = await selectActiveApiTokenBySecret(secret);
    expect(found?.id).toBe(token.id);
    expect(found?.lastUsedAt).toBeInstanceOf(Date);
    const otherLast = secret.endsWith("A") ? "B" : "A";
    expect(await selectActiveApiTokenBySecret(`${secret.slice(0, -1)}${otherLast}`)).toBeNull();
    expect(await selectActiveApiTokenBySecret("bpl_short")).toBeNull();

    expect(await revokeApiToken(token.id)).toBe(true);
    expect(await revokeApiToken(token.id)).toBe(false);
    expect(await selectActiveApiTokenBySecret(secret)).toBeNull();

    const expiring = await insertApiToken({ userId: user.id, name: "old", scopes: ["progress:read"], expiresAt: new Date(Date.now() - 1000) });
    expect(await selectActiveApiTokenBySecret(expiring.secret)).toBeNull();
    expect((await selectApiTokensByUser(user.id)).map((t) => t.name).sort()).toEqual(["ci", "old"]);
  });

  it("refuses a token without scopes", async () => {
    const { user } = await createUser();
    await expect(insertApiToken({ userId: user.id, name: "none", scopes: [] })).rejects.toThrow(/at least one scope/);
  });
});

describe("drafts, quiz answers and users", () => {
  it("overwrites a learner's draft and keeps learners apart", async () => {
    const a = await createUser();
    const b = await createUser();
    expect(await selectDraft(a.user.id, "sigmoid")).toBeNull();
    await upsertDraft(a.user.id, "sigmoid", "v1");
    await upsertDraft(a.user.id, "sigmoid", "v2 한글");
    expect((await selectDraft(a.user.id, "sigmoid"))?.code).toBe("v2 한글");
    expect(await selectDraft(b.user.id, "sigmoid")).toBeNull();
  });

  it("keeps every quiz answer, oldest first", async () => {
    const { user } = await createUser();
    await insertQuizAnswer({ userId: user.id, quizId: "q", itemId: "i1", answer: { kind: "multiple-choice", choice: "a" }, correct: false, score: 0 });
    await insertQuizAnswer({ userId: user.id, quizId: "q", itemId: "i1", answer: { kind: "numeric", value: 0.25 }, correct: true, score: 1 });
    const answers = await selectQuizAnswers(user.id, "q");
    expect(answers.map((a) => [a.itemId, a.correct, a.answer])).toEqual([
      ["i1", false, { kind: "multiple-choice", choice: "a" }],
      ["i1", true, { kind: "numeric", value: 0.25 }],
    ]);
    expect(await selectQuizAnswers(user.id, "other")).toEqual([]);
  });

  it("finds users by email in any case and changes roles", async () => {
    const { user } = await createUser({ email: "Mixed.Case@Example.org" });
    expect((await selectUserByEmail("MIXED.case@example.org"))?.id).toBe(user.id);
    expect(await updateUserRole(user.id, "instructor")).toMatchObject({ role: "instructor" });
    expect(await updateUserRole("no-such-user", "admin")).toBeNull();
  });
});
