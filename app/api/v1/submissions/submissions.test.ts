// POST and GET /api/v1/submissions beyond authorization (tests/authz) and validation basics
// (app/api/v1/api.test.ts): the grader's code limit, NUL characters, Idempotency-Key retries,
// per-user limits with Retry-After, and paginated summaries. Handlers are called with Requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_CODE_BYTES } from "@/grader/index";
import { GET as getSubmissionEvents } from "@/app/api/v1/submissions/[id]/events/route";
import { GET as getSubmission } from "@/app/api/v1/submissions/[id]/route";
import { GET as listSubmissions, POST as createSubmission } from "@/app/api/v1/submissions/route";
import type { Database } from "@/lib/server/db.server";
import { GradingQueue, useGradingQueue } from "@/lib/server/grading-queue.server";
import { openTestDatabase } from "@/lib/server/test-database";
import { buildVerdict, createUser, signIn } from "@/tests/factories";
import { errorOf } from "@/tests/support/api-errors";

const ORIGIN = "http://localhost:3000";
let database: Database;
let queue: GradingQueue;

beforeAll(async () => {
  database = await openTestDatabase();
  queue = new GradingQueue({
    grade: (input) => Promise.resolve(buildVerdict({ seed: input.seed, status: "fail", score: 0.5 })),
    concurrency: 1,
    maxRuns: 1,
    staleAfterMs: 60_000,
    pollIntervalMs: 60_000,
    retryDelayMs: 0,
    soleRunner: true,
    limits: { maxPending: 4, perWindow: 8, windowSeconds: 60 },
    log: () => {},
  });
  useGradingQueue(queue);
});
afterAll(async () => {
  await database.close();
});

/** A fresh signed-in learner: each test starts under the per-user limits. */
async function learner(): Promise<{ id: string; cookie: string }> {
  const { user, password } = await createUser();
  return { id: user.id, cookie: await signIn(user.email, password) };
}

function post(cookie: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/v1/submissions`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { cookie, origin: ORIGIN, "content-type": "application/json", ...headers },
  });
}
const list = (cookie: string, query = "") => listSubmissions(new Request(`${ORIGIN}/api/v1/submissions${query}`, { headers: { cookie } }));
const countOf = (userId: string) => database.prisma.submission.count({ where: { userId } });


describe("POST /api/v1/submissions", () => {
  it("takes its code limit from the grader: 413 above it, nothing stored; accepted at it", async () => {
    const { id, cookie } = await learner();
    expect(DEFAULT_MAX_CODE_BYTES).toBe(50_000);
    const over = await createSubmission(post(cookie, { exerciseId: "sigmoid", code: "x".repeat(DEFAULT_MAX_CODE_BYTES + 1) }));
    expect(over.status).toBe(413);
    expect(await errorOf(over)).toMatchObject({ code: "code_too_large", message: "The code is 50001 bytes; the grader accepts at most 50000 bytes." });
    // UTF-8 bytes, not characters: 16 667 × "한" is 50 001 bytes.
    expect((await createSubmission(post(cookie, { exerciseId: "sigmoid", code: "한".repeat(16_667) }))).status).toBe(413);
    expect(await countOf(id)).toBe(0);
    expect((await createSubmission(post(cookie, { exerciseId: "sigmoid", code: "x".repeat(DEFAULT_MAX_CODE_BYTES) }))).status).toBe(202);
  });

  it("refuses code with a NUL character with 400, naming the field", async () => {
    const { id, cookie } = await learner();
    const response = await createSubmission(post(cookie, { exerciseId: "sigmoid", code: "export const x = 1;\u0000" }));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_body");
    expect(error.fields?.code).toEqual(["must not contain the NUL character (U+0000)"]);
    expect(await countOf(id)).toBe(0);
  });

  it("returns the same submission for a retried Idempotency-Key (200), and refuses the key for other code (422)", async () => {
    const { id: userId, cookie } = await learner();
    const body = { exerciseId: "sigmoid", code: "export const retried = 1;" };
    const first = await createSubmission(post(cookie, body, { "idempotency-key": "attempt-1" }));
    expect(first.status).toBe(202);
    const created = (await first.json()) as { id: string };
    const again = await createSubmission(post(cookie, body, { "idempotency-key": "attempt-1" }));
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(`/api/v1/submissions/${created.id}`);
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    expect(await countOf(userId)).toBe(1);

    const other = await createSubmission(post(cookie, { ...body, code: "export const different = 2;" }, { "idempotency-key": "attempt-1" }));
    expect(other.status).toBe(422);
    expect((await errorOf(other)).code).toBe("idempotency_key_reused");
    expect(await countOf(userId)).toBe(1);

    // Without a key, or with a new one, every POST is a new submission.
    expect((await createSubmission(post(cookie, body))).status).toBe(202);
    expect((await createSubmission(post(cookie, body, { "idempotency-key": "attempt-2" }))).status).toBe(202);
    expect(await countOf(userId)).toBe(3);
    const bad = await createSubmission(post(cookie, body, { "idempotency-key": "has space" }));
    expect(bad.status).toBe(400);
  });

  it("stores one submission when retries with one key arrive together", async () => {
    const { id: userId, cookie } = await learner();
    const body = { exerciseId: "sigmoid", code: "export const together = 1;" };
    const responses = await Promise.all(Array.from({ length: 4 }, () => createSubmission(post(cookie, body, { "idempotency-key": "same" }))));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 202]);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect(await countOf(userId)).toBe(1);
  });

  it("limits pending submissions per user with 429, Retry-After and a message, without holding back other users", async () => {
    const { id: userId, cookie } = await learner();
    for (let i = 0; i < 4; i += 1) expect((await createSubmission(post(cookie, { exerciseId: "sigmoid", code: `p${i}` }))).status).toBe(202);
    const refused = await createSubmission(post(cookie, { exerciseId: "sigmoid", code: "p4" }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await errorOf(refused)).toMatchObject({ code: "too_many_pending_submissions", message: expect.stringMatching(/4 submissions waiting/) as unknown });
    expect(await countOf(userId)).toBe(4);
    // A retry of an accepted submission is answered, not limited.
    const body = { exerciseId: "sigmoid", code: "p0-retry" };
    const other = await learner();
    expect((await createSubmission(post(other.cookie, body, { "idempotency-key": "k" }))).status).toBe(202);
    await queue.drain();
    // Graded: no longer pending, but the per-minute window still counts them.
    for (let i = 0; i < 4; i += 1) expect((await createSubmission(post(cookie, { exerciseId: "sigmoid", code: `w${i}` }))).status).toBe(202);
    await queue.drain();
    const tooFast = await createSubmission(post(cookie, { exerciseId: "sigmoid", code: "w4" }));
    expect(tooFast.status).toBe(429);
    const retryAfter = Number(tooFast.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await errorOf(tooFast)).toMatchObject({ code: "too_many_submissions", message: expect.stringMatching(/at most 8 per 60 s/) as unknown });
    expect((await createSubmission(post(other.cookie, body, { "idempotency-key": "k" }))).status).toBe(200);
  });
});

describe("GET /api/v1/submissions", () => {
  it("pages through summaries newest first with a cursor, without verdicts or code", async () => {
    const { cookie } = await learner();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await createSubmission(post(cookie, { exerciseId: "sigmoid", code: `listed-${i}` }));
      ids.push(((await response.json()) as { id: string }).id);
    }
    await queue.drain();
    const seen: unknown[] = [];
    let query = "?exerciseId=sigmoid&limit=2";
    for (let pages = 0; pages < 10; pages += 1) {
      const response = await list(cookie, query);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { submissions: Record<string, unknown>[]; nextCursor: string | null };
      seen.push(...page.submissions);
      if (page.nextCursor === null) break;
      query = `?exerciseId=sigmoid&limit=2&cursor=${page.nextCursor}`;
    }
    expect(seen.map((s) => (s as { id: string }).id)).toEqual([...ids].reverse());
    const first = seen[0] as Record<string, unknown>;
    expect(first).toMatchObject({ status: "done", result: "fail", score: 0.5, exerciseId: "sigmoid" });
    expect(Object.keys(first).sort()).toEqual(
      ["attempt", "createdAt", "errorReason", "exerciseId", "finishedAt", "id", "result", "score", "startedAt", "status"].sort(),
    );
  });

  it("refuses a page larger than 100 and a cursor it did not make", async () => {
    const { cookie } = await learner();
    expect((await list(cookie, "?limit=101")).status).toBe(400);
    expect((await list(cookie, "?limit=100")).status).toBe(200);
    const bad = await list(cookie, "?cursor=bm9wZQ");
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).fields).toHaveProperty("cursor");
  });
});

describe("GET /api/v1/submissions/:id", () => {
  it("answers a NUL character in the id with 400, not the database's 500", async () => {
    const { cookie } = await learner();
    for (const handler of [getSubmission, getSubmissionEvents]) {
      const response = await handler(new Request(`${ORIGIN}/api/v1/submissions/a%00b`, { headers: { cookie } }), { params: Promise.resolve({ id: "a\u0000b" }) });
      expect(response.status).toBe(400);
      expect(Object.values((await errorOf(response)).fields ?? {}).flat()).toEqual(["must not contain the NUL character (U+0000)"]);
    }
  });
});
