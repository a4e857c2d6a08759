// Behaviour of the HTTP API beyond who may call what (that is tests/authz): validation, size
// limits, CSRF, token scopes, redaction of hidden tests, live status, and better-auth's own
// routes (sign-up roles, cookie attributes, rate limits). Handlers are called with Request objects.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as getDraft, PUT as putDraft } from "@/app/api/v1/drafts/[exerciseId]/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { GET as getProgress } from "@/app/api/v1/progress/route";
import { POST as answerQuiz } from "@/app/api/v1/quizzes/[quizId]/items/[itemId]/answers/route";
import { GET as submissionEvents } from "@/app/api/v1/submissions/[id]/events/route";
import { GET as getSubmission } from "@/app/api/v1/submissions/[id]/route";
import { GET as listSubmissions, POST as createSubmission } from "@/app/api/v1/submissions/route";
import { POST as createToken } from "@/app/api/v1/tokens/route";
import type { QuizItem } from "@/grader/exercise/quiz";
import { DEFAULT_MAX_CODE_BYTES } from "@/grader/index";
import { courseSource } from "@/lib/server/course.server";
import { revokeApiToken } from "@/lib/server/data/api-tokens";
import { selectUserByEmail } from "@/lib/server/data/users";
import type { Database } from "@/lib/server/db.server";
import { GradingQueue, useGradingQueue, type GradeFunction } from "@/lib/server/grading-queue.server";
import { openTestDatabase } from "@/lib/server/test-database";
import { buildVerdict, createApiToken, createUser, signIn } from "@/tests/factories";
import { errorOf } from "@/tests/support/api-errors";

const ORIGIN = "http://localhost:3000";
let database: Database;
let queue: GradingQueue;
let learnerCookie = "";
let learnerId = "";
let grade: GradeFunction = (input) => Promise.resolve(buildVerdict({ seed: input.seed }));

beforeAll(async () => {
  database = await openTestDatabase();
  queue = new GradingQueue({
    grade: (input) => grade(input),
    concurrency: 1,
    maxRuns: 1,
    staleAfterMs: 60_000,
    pollIntervalMs: 60_000,
    retryDelayMs: 0,
    soleRunner: true,
    log: () => {},
  });
  useGradingQueue(queue);
  const { user, password } = await createUser();
  learnerId = user.id;
  learnerCookie = await signIn(user.email, password);
});
afterAll(async () => {
  await database.close();
});

function post(path: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body,
    headers: { cookie: learnerCookie, origin: ORIGIN, "content-type": "application/json", ...headers },
  });
}
const get = (path: string, headers: Record<string, string> = { cookie: learnerCookie }) => new Request(`${ORIGIN}${path}`, { headers });
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
const countSubmissions = () => database.prisma.submission.count();


describe("POST /api/v1/submissions validation", () => {
  it("answers a bad body with 400 and the fields, writing nothing", async () => {
    const before = await countSubmissions();
    const cases: [unknown, string][] = [
      [{ exerciseId: "sigmoid" }, "code"],
      [{ exerciseId: "Sigmoid!", code: "x" }, "exerciseId"],
      [{ exerciseId: "sigmoid", code: "x", locale: "fr" }, "locale"],
      [{ exerciseId: "sigmoid", code: "x", userId: "someone-else" }, "(body)"],
      [[1, 2], "(body)"],
    ];
    for (const [body, field] of cases) {
      const response = await createSubmission(post("/api/v1/submissions", JSON.stringify(body)));
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid_body");
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
    expect(await countSubmissions()).toBe(before);
  });

  it("refuses invalid JSON and invalid UTF-8 with 400", async () => {
    const before = await countSubmissions();
    expect(await errorOf(await createSubmission(post("/api/v1/submissions", "{ not json")))).toMatchObject({ code: "invalid_json" });
    const badUtf8 = new Uint8Array([...new TextEncoder().encode('{"exerciseId":"sigmoid","code":"'), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    const response = await createSubmission(post("/api/v1/submissions", badUtf8));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_utf8");
    expect(await countSubmissions()).toBe(before);
  });

  it("refuses code over the grader's limit with 413, counting UTF-8 bytes", async () => {
    const before = await countSubmissions();
    // 한 is 3 bytes in UTF-8: 87 382 characters are 262 146 bytes, over every limit.
    const korean = "한".repeat(87_382);
    const overLimit = await createSubmission(post("/api/v1/submissions", JSON.stringify({ exerciseId: "sigmoid", code: korean })));
    expect(overLimit.status).toBe(413);
    expect((await errorOf(overLimit)).code).toBe("code_too_large");
    const huge = await createSubmission(post("/api/v1/submissions", JSON.stringify({ exerciseId: "sigmoid", code: "x".repeat(400_000) })));
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe("payload_too_large");
    expect(await countSubmissions()).toBe(before);
    const atLimit = await createSubmission(post("/api/v1/submissions", JSON.stringify({ exerciseId: "sigmoid", code: "x".repeat(DEFAULT_MAX_CODE_BYTES) })));
    expect(atLimit.status).toBe(202);
    // The submission records the exercise's content hash at the time it was made.
    const { id } = (await atLimit.json()) as { id: string };
    const stored = await database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { exerciseVersion: true } });
    expect(stored.exerciseVersion?.contentHash).toBe(courseSource.findExercise("sigmoid")?.version);
  });

  it("answers an unknown exercise with 404", async () => {
    const response = await createSubmission(post("/api/v1/submissions", JSON.stringify({ exerciseId: "no-such-exercise", code: "x" })));
    expect(response.status).toBe(404);
  });
});

describe("CSRF and tokens", () => {
  const body = JSON.stringify({ exerciseId: "sigmoid", code: "export const x = 1;" });

  it("refuses a cookie-authenticated write from another origin or without any origin information", async () => {
    const evil = await createSubmission(post("/api/v1/submissions", body, { origin: "https://evil.example" }));
    expect(evil.status).toBe(403);
    expect((await errorOf(evil)).code).toBe("cross_site_request");
    const bare = new Request(`${ORIGIN}/api/v1/submissions`, { method: "POST", body, headers: { cookie: learnerCookie, "content-type": "application/json" } });
    expect((await createSubmission(bare)).status).toBe(403);
    const sameOrigin = new Request(`${ORIGIN}/api/v1/submissions`, {
      method: "POST",
      body,
      headers: { cookie: learnerCookie, "content-type": "application/json", "sec-fetch-site": "same-origin" },
    });
    expect((await createSubmission(sameOrigin)).status).toBe(202);
  });

  it("accepts a token without an Origin, within its scopes only, and forgets it once revoked", async () => {
    const writer = await createApiToken(learnerId, ["submissions:write"]);
    const reader = await createApiToken(learnerId, ["submissions:read"]);
    const asToken = (secret: string) => ({ authorization: `Bearer ${secret}`, "content-type": "application/json" });
    const withToken = (secret: string) => new Request(`${ORIGIN}/api/v1/submissions`, { method: "POST", body, headers: asToken(secret) });
    expect((await createSubmission(withToken(writer.secret))).status).toBe(202);
    const noScope = await createSubmission(withToken(reader.secret));
    expect(noScope.status).toBe(403);
    expect((await errorOf(noScope)).code).toBe("missing_scope");
    expect((await listSubmissions(get("/api/v1/submissions", asToken(reader.secret)))).status).toBe(200);
    expect((await getProgress(get("/api/v1/progress", asToken(writer.secret)))).status).toBe(403);
    const tokenMint = new Request(`${ORIGIN}/api/v1/tokens`, { method: "POST", body: JSON.stringify({ name: "x", scopes: ["submissions:read"] }), headers: asToken(writer.secret) });
    expect((await createToken(tokenMint)).status).toBe(403);
    await revokeApiToken(writer.id);
    expect((await createSubmission(withToken(writer.secret))).status).toBe(401);
  });

  it("does not fall back to the cookie when a bad token is sent", async () => {
    const response = await listSubmissions(get("/api/v1/submissions", { cookie: learnerCookie, authorization: "Bearer bpl_forged" }));
    expect(response.status).toBe(401);
  });
});

describe("grading results", () => {
  it("shows the learner hidden tests without their expected values, and streams the status to done", async () => {
    await database.prisma.submission.updateMany({ where: { status: "queued" }, data: { status: "error", errorReason: "left by earlier tests" } });
    const attemptsBefore = await database.prisma.submission.count({ where: { userId: learnerId, attempt: { not: null } } });
    grade = (input) =>
      Promise.resolve(
        buildVerdict({
          seed: input.seed,
          status: "fail",
          score: 0.5,
          tests: [
            { name: "visible-example", status: "pass", message: "ok", visible: true, expected: "visible-expected", actual: "visible-expected" },
            { name: "hidden-edge", status: "fail", message: "NaN at [0, 3]", visible: false, expected: "hidden-expected", actual: "NaN", maxAbsError: 1 },
          ],
        }),
      );
    const created = await createSubmission(post("/api/v1/submissions", JSON.stringify({ exerciseId: "sigmoid", code: "// 시그모이드\n", locale: "en" })));
    expect(created.status).toBe(202);
    const { id, status } = (await created.json()) as { id: string; status: string };
    expect(status).toBe("queued");
    const events = await submissionEvents(get(`/api/v1/submissions/${id}/events`), params({ id }));
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    const reader = events.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (reader === undefined) throw new Error("no event stream");
    let text = "";
    // The first event is the stored state, sent before grading starts.
    while (!text.includes("\n\n")) text += (await reader.read()).value ?? "";
    expect(text).toMatch(/^event: queued\ndata: /);
    const drained = queue.drain();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
    await drained;
    const names = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(names).toEqual(["queued", "running", "done"]);
    const lastData = [...text.matchAll(/^data: (.*)$/gm)].at(-1)?.[1] ?? "{}";
    expect((JSON.parse(lastData) as { status: string; attempt: number }).status).toBe("done");

    const response = await getSubmission(get(`/api/v1/submissions/${id}`), params({ id }));
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(body).toContain("visible-expected");
    expect(body).toContain("hidden-edge");
    expect(body).toContain("NaN at [0, 3]");
    expect(body).not.toContain("hidden-expected");
    expect(JSON.parse(body)).toMatchObject({ id, status: "done", score: 0.5, attempt: attemptsBefore + 1, code: "// 시그모이드\n" });

    const progress = (await (await getProgress(get("/api/v1/progress"))).json()) as { exercises: { exerciseId: string; attempts: number }[] };
    expect(progress.exercises).toEqual([expect.objectContaining({ exerciseId: "sigmoid", attempts: attemptsBefore + 1 })]);
  });
});

describe("drafts and quizzes", () => {
  it("saves and returns a draft", async () => {
    const request = new Request(`${ORIGIN}/api/v1/drafts/sigmoid`, {
      method: "PUT",
      body: JSON.stringify({ code: "// 초안\nexport function sigmoid() {}" }),
      headers: { cookie: learnerCookie, origin: ORIGIN, "content-type": "application/json" },
    });
    expect((await putDraft(request, params({ exerciseId: "sigmoid" }))).status).toBe(200);
    const draft = (await (await getDraft(get("/api/v1/drafts/sigmoid"), params({ exerciseId: "sigmoid" }))).json()) as { code: string };
    expect(draft.code).toBe("// 초안\nexport function sigmoid() {}");
  });

  it("grades and stores a quiz answer, and rejects a malformed one", async () => {
    const item = {
      id: "range",
      kind: "numeric",
      prompt: { ko: "σ(0) 은?", en: "What is σ(0)?" },
      answer: 0.5,
      tolerance: { absolute: 1e-9, relative: 0 },
      explanation: { ko: "1 / (1 + e^0) = 1/2", en: "1 / (1 + e^0) = 1/2" },
    } as unknown as QuizItem;
    vi.spyOn(courseSource, "findQuizItem").mockImplementation((quizId, itemId) => (quizId === "activation-functions" && itemId === "range" ? item : undefined));
    const path = "/api/v1/quizzes/activation-functions/items/range/answers";
    const answered = await answerQuiz(post(path, JSON.stringify({ answer: { kind: "numeric", value: 0.5 }, locale: "en" })), params({ quizId: "activation-functions", itemId: "range" }));
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ correct: true, score: 1, explanation: "1 / (1 + e^0) = 1/2", tries: 1, explanationAfterTries: 3 });
    expect(await database.prisma.quizAnswer.count({ where: { userId: learnerId, itemId: "range" } })).toBe(1);
    const malformed = await answerQuiz(post(path, JSON.stringify({ answer: { kind: "numeric", value: "half" } })), params({ quizId: "activation-functions", itemId: "range" }));
    expect(malformed.status).toBe(400);
    const missing = await answerQuiz(post(path, JSON.stringify({ answer: { kind: "numeric", value: 1 } })), params({ quizId: "activation-functions", itemId: "nope" }));
    expect(missing.status).toBe(404);
  });

  it("withholds the explanation and the right answer after a wrong answer until the third try (issue 11)", async () => {
    const item = {
      id: "zero",
      kind: "numeric",
      prompt: { ko: "tanh(0) 은?", en: "What is tanh(0)?" },
      answer: 0,
      tolerance: { absolute: 1e-9, relative: 0 },
      explanation: { ko: "tanh 는 0 에서 0", en: "tanh(0) = 0" },
    } as unknown as QuizItem;
    vi.spyOn(courseSource, "findQuizItem").mockImplementation((quizId, itemId) => (quizId === "activation-functions" && itemId === "zero" ? item : undefined));
    const path = "/api/v1/quizzes/activation-functions/items/zero/answers";
    const answer = async (value: number): Promise<unknown> =>
      (await answerQuiz(post(path, JSON.stringify({ answer: { kind: "numeric", value }, locale: "en" })), params({ quizId: "activation-functions", itemId: "zero" }))).json() as Promise<unknown>;
    expect(await answer(1)).toMatchObject({ correct: false, explanation: null, correctAnswer: null, tries: 1 });
    expect(await answer(-1)).toMatchObject({ correct: false, explanation: null, correctAnswer: null, tries: 2 });
    expect(await answer(2)).toMatchObject({ correct: false, explanation: "tanh(0) = 0", correctAnswer: { value: 0 }, tries: 3 });
  });
});

describe("accounts (better-auth routes)", () => {
  const authRequest = (path: string, body: unknown, ip: string) =>
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { origin: ORIGIN, "content-type": "application/json", "x-forwarded-for": ip },
    });

  it("signs up a learner whatever role the body asks for, with an httpOnly SameSite=Lax cookie", async () => {
    const response = await authPost(authRequest("/sign-up/email", { email: "new@example.org", password: "long-enough-1", name: "새 학습자", role: "admin" }, "10.0.0.1"));
    const user = await selectUserByEmail("new@example.org");
    if (response.status === 200) {
      expect(user?.role).toBe("learner");
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith("backprop.session_token="));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    } else {
      // better-auth may refuse the field outright; then no account exists.
      expect(response.status).toBe(400);
      expect(user).toBeNull();
    }
  });

  it("explains bad sign-ups and sign-ins", async () => {
    const short = await authPost(authRequest("/sign-up/email", { email: "short@example.org", password: "short", name: "x" }, "10.0.0.2"));
    expect(short.status).toBe(400);
    const badEmail = await authPost(authRequest("/sign-up/email", { email: "not-an-email", password: "long-enough-1", name: "x" }, "10.0.0.2"));
    expect(badEmail.status).toBe(400);
    const wrong = await authPost(authRequest("/sign-in/email", { email: "new@example.org", password: "wrong-password" }, "10.0.0.3"));
    expect(wrong.status).toBe(401);
    const crossSite = new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      body: JSON.stringify({ email: "new@example.org", password: "long-enough-1" }),
      headers: { origin: "https://evil.example", "content-type": "application/json", cookie: learnerCookie, "x-forwarded-for": "10.0.0.9" },
    });
    // better-auth logs the refused origin with console.error.
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await authPost(crossSite)).status).toBe(403);
    expect(JSON.stringify(logged.mock.calls)).toMatch(/origin/i);
  });

  it("rate-limits sign-in attempts per client", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await authPost(authRequest("/sign-in/email", { email: "new@example.org", password: `guess-${i}-xxxx` }, "10.0.0.4"));
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another client is not affected.
    const other = await authPost(authRequest("/sign-in/email", { email: "new@example.org", password: "guess-other-xxxx" }, "10.0.0.5"));
    expect(other.status).toBe(401);
  });

  it("reports the session through GET /api/auth/get-session", async () => {
    const response = await authGet(new Request(`${ORIGIN}/api/auth/get-session`, { headers: { cookie: learnerCookie } }));
    const session = (await response.json()) as { user: { id: string; role: string } };
    expect(session.user).toMatchObject({ id: learnerId, role: "learner" });
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("describes every endpoint", async () => {
    const document = (await openApi().json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/api/v1/admin/users/{id}/role",
        "/api/v1/drafts/{exerciseId}",
        "/api/v1/exercises",
        "/api/v1/progress",
        "/api/v1/quizzes/{quizId}/items/{itemId}/answers",
        "/api/v1/submissions",
        "/api/v1/submissions/{id}",
        "/api/v1/submissions/{id}/events",
        "/api/v1/tokens",
        "/api/v1/tokens/{id}",
      ].sort(),
    );
  });
});
