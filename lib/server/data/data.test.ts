// The data-access modules against a fresh database (PGlite by default, PostgreSQL with
// BACKPROP_TEST_DB=pg): the grading state machine, progress, tokens, drafts, quiz answers, users.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  recoverStaleSubmissions,
  requeueSubmission,
  selectSubmissionById,
  selectSubmissionsByUser,
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

    const listed = await selectSubmissionsByUser(user.id, { exerciseId: "sigmoid" });
    expect(listed.map((row) => row.id)).toEqual([second.id, first.id]);
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

    await claim(row.id);
    const future = new Date(Date.now() + 60_000);
    expect(await recoverStaleSubmissions(new Date(Date.now() - 60_000), 3)).toEqual({ requeued: 0, failed: 0 });
    expect(await recoverStaleSubmissions(future, 3)).toEqual({ requeued: 1, failed: 0 });
    await claim(row.id);
    expect(await recoverStaleSubmissions(future, 3)).toEqual({ requeued: 0, failed: 1 });
    const failed = await selectSubmissionById(row.id);
    expect(failed).toMatchObject({ status: "error", attempt: null, gradingRuns: 3 });
    expect(failed?.errorReason).toMatch(/interrupted 3 times/);
    expect(await selectProgressByUser(user.id)).toEqual([]);
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
