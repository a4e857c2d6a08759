// Authorization matrix of the HTTP API: every endpoint × {anonymous, learner, another learner,
// instructor, admin}, with real better-auth sessions against a fresh database. Asserts the exact
// status and that no response carries a forbidden value (solution source, hidden expected
// outputs, mistakes, other users' emails or code, password or token hashes).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listExercises } from "@/app/api/v1/exercises/route";
import { GET as listSubmissions, POST as createSubmission } from "@/app/api/v1/submissions/route";
import { GET as getSubmission } from "@/app/api/v1/submissions/[id]/route";
import { GET as submissionEvents } from "@/app/api/v1/submissions/[id]/events/route";
import { GET as getDraft, PUT as putDraft } from "@/app/api/v1/drafts/[exerciseId]/route";
import { POST as answerQuiz } from "@/app/api/v1/quizzes/[quizId]/items/[itemId]/answers/route";
import { GET as getProgress } from "@/app/api/v1/progress/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { POST as changeRole } from "@/app/api/v1/admin/users/[id]/role/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import type { QuizItem } from "@/grader/exercise/quiz";
import type { Database } from "@/lib/server/db.server";
import { courseSource } from "@/lib/server/course.server";
import { upsertDraft } from "@/lib/server/data/drafts";
import { claimNextQueuedSubmission, finishSubmission } from "@/lib/server/data/submissions";
import { GradingQueue, useGradingQueue } from "@/lib/server/grading-queue.server";
import { openTestDatabase } from "@/lib/server/test-database";
import { buildVerdict, createApiToken, createSubmission as insertSubmissionFor, createUser, signIn } from "@/tests/factories";

const ORIGIN = "http://localhost:3000";
const HIDDEN_EXPECTED = "hidden-expected-0.7310585786300049";
const OWNER_CODE = "export function sigmoid(z) { /* owner-code-marker */ return z; }";

type Actor = "anonymous" | "learner" | "otherLearner" | "instructor" | "admin";
const actors: Actor[] = ["anonymous", "learner", "otherLearner", "instructor", "admin"];

let database: Database;
const cookies = new Map<Actor, string>();
const emails = new Map<Actor, string>();
const ids = new Map<Actor, string>();
let ownerSubmissionId = "";
let forbiddenEverywhere: string[] = [];

const quizItem: QuizItem = {
  id: "why-nonlinear",
  kind: "multiple-choice",
  prompt: { ko: "왜 비선형 활성화 함수가 필요할까요?", en: "Why do we need a nonlinear activation?" },
  choices: [
    { id: "a", text: { ko: "선형 함수의 합성은 선형이다", en: "A composition of linear maps is linear" } },
    { id: "b", text: { ko: "계산이 빠르다", en: "It is faster" } },
  ],
  answer: "a",
  explanation: { ko: "은닉층이 아무리 많아도 선형식만 출력합니다.", en: "However many layers, the output stays linear." },
};

beforeAll(async () => {
  database = await openTestDatabase();
  // Requests only store submissions here; grading is the queue's own test.
  useGradingQueue(
    new GradingQueue({
      grade: () => Promise.reject(new Error("not used")),
      concurrency: 1,
      maxRuns: 1,
      staleAfterMs: 60_000,
      pollIntervalMs: 60_000,
      retryDelayMs: 0,
      soleRunner: true,
      log: () => {},
    }),
  );
  const roles: Record<Exclude<Actor, "anonymous">, "learner" | "instructor" | "admin"> = {
    learner: "learner",
    otherLearner: "learner",
    instructor: "instructor",
    admin: "admin",
  };
  for (const [actor, role] of Object.entries(roles) as [Exclude<Actor, "anonymous">, typeof roles.learner][]) {
    const { user, password } = await createUser({ role });
    ids.set(actor, user.id);
    emails.set(actor, user.email);
    cookies.set(actor, await signIn(user.email, password));
  }
  const owner = ids.get("learner") ?? "";
  const submission = await insertSubmissionFor(owner, { code: OWNER_CODE });
  ownerSubmissionId = submission.id;
  await claimNextQueuedSubmission();
  await finishSubmission(
    submission.id,
    buildVerdict({
      status: "fail",
      score: 0.5,
      tests: [
        { name: "small-vector", status: "pass", message: "ok", visible: true, expected: [[0.5]], actual: [[0.5]] },
        { name: "large-magnitudes", status: "fail", message: "NaN at [0, 1]", visible: false, expected: HIDDEN_EXPECTED, actual: "NaN" },
      ],
    }),
  );
  await upsertDraft(owner, "sigmoid", "// owner-draft-marker");

  const secrets = await database.prisma.account.findMany({ select: { password: true } });
  const tokenHashes = await database.prisma.apiToken.findMany({ select: { tokenHash: true } });
  const exerciseDir = path.join("exercises", "sigmoid");
  const solutionLine = readFileSync(path.join(exerciseDir, "solution.ts"), "utf8").split("\n").find((line) => line.includes("return")) ?? "";
  const mistakeLines = readdirSync(path.join(exerciseDir, "mistakes")).map(
    (file) => readFileSync(path.join(exerciseDir, "mistakes", file), "utf8").split("\n").find((line) => line.includes("return")) ?? "",
  );
  forbiddenEverywhere = [
    ...secrets.flatMap((row) => (row.password === null ? [] : [row.password])),
    ...tokenHashes.map((row) => row.tokenHash),
    solutionLine.trim(),
    ...mistakeLines.map((line) => line.trim()),
  ].filter((value) => value.length > 8);
});

afterAll(async () => {
  await database.close();
});

function request(actor: Actor, method: string, url: string, body?: unknown): Request {
  const headers = new Headers({ origin: ORIGIN });
  const cookie = cookies.get(actor);
  if (cookie !== undefined) headers.set("cookie", cookie);
  if (body !== undefined) headers.set("content-type", "application/json");
  return new Request(`${ORIGIN}${url}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

interface Endpoint {
  name: string;
  call: (actor: Actor) => Promise<Response>;
  expected: Record<Actor, number>;
}

const all = (status: number): Record<Actor, number> => ({ anonymous: status, learner: status, otherLearner: status, instructor: status, admin: status });
const signedIn = (status: number): Record<Actor, number> => ({ ...all(status), anonymous: 401 });

async function freshInstructorTokenId(): Promise<string> {
  return (await createApiToken(ids.get("instructor") ?? "")).id;
}

const endpoints: Endpoint[] = [
  { name: "GET /api/v1/exercises", call: () => listExercises(), expected: all(200) },
  {
    name: "POST /api/v1/submissions",
    call: (actor) => createSubmission(request(actor, "POST", "/api/v1/submissions", { exerciseId: "sigmoid", code: "export const x = 1;" })),
    expected: signedIn(202),
  },
  { name: "GET /api/v1/submissions", call: (actor) => listSubmissions(request(actor, "GET", "/api/v1/submissions?exerciseId=sigmoid")), expected: signedIn(200) },
  {
    name: "GET /api/v1/submissions/:id",
    call: (actor) => getSubmission(request(actor, "GET", `/api/v1/submissions/${ownerSubmissionId}`), params({ id: ownerSubmissionId })),
    expected: { anonymous: 401, learner: 200, otherLearner: 404, instructor: 200, admin: 200 },
  },
  {
    name: "GET /api/v1/submissions/:id/events",
    call: (actor) => submissionEvents(request(actor, "GET", `/api/v1/submissions/${ownerSubmissionId}/events`), params({ id: ownerSubmissionId })),
    expected: { anonymous: 401, learner: 200, otherLearner: 404, instructor: 200, admin: 200 },
  },
  {
    name: "GET /api/v1/drafts/:exerciseId",
    call: (actor) => getDraft(request(actor, "GET", "/api/v1/drafts/sigmoid"), params({ exerciseId: "sigmoid" })),
    // Drafts are per user: only the owner has one for this exercise.
    expected: { anonymous: 401, learner: 200, otherLearner: 404, instructor: 404, admin: 404 },
  },
  {
    name: "PUT /api/v1/drafts/:exerciseId",
    call: (actor) => putDraft(request(actor, "PUT", "/api/v1/drafts/sigmoid", { code: `// draft of ${actor}` }), params({ exerciseId: "sigmoid" })),
    expected: signedIn(200),
  },
  {
    name: "POST /api/v1/quizzes/:quizId/items/:itemId/answers",
    call: (actor) =>
      answerQuiz(
        request(actor, "POST", "/api/v1/quizzes/activation-functions/items/why-nonlinear/answers", { answer: { kind: "multiple-choice", choice: "b" } }),
        params({ quizId: "activation-functions", itemId: "why-nonlinear" }),
      ),
    expected: signedIn(200),
  },
  { name: "GET /api/v1/progress", call: (actor) => getProgress(request(actor, "GET", "/api/v1/progress")), expected: signedIn(200) },
  {
    name: "GET /api/v1/tokens",
    call: (actor) => listTokens(request(actor, "GET", "/api/v1/tokens")),
    expected: { anonymous: 401, learner: 403, otherLearner: 403, instructor: 200, admin: 200 },
  },
  {
    name: "POST /api/v1/tokens",
    call: (actor) => createToken(request(actor, "POST", "/api/v1/tokens", { name: "ci", scopes: ["submissions:write"] })),
    expected: { anonymous: 401, learner: 403, otherLearner: 403, instructor: 201, admin: 201 },
  },
  {
    name: "DELETE /api/v1/tokens/:id (an instructor's token)",
    call: async (actor) => {
      const id = await freshInstructorTokenId();
      return revokeToken(request(actor, "DELETE", `/api/v1/tokens/${id}`), params({ id }));
    },
    expected: { anonymous: 401, learner: 404, otherLearner: 404, instructor: 200, admin: 200 },
  },
  {
    name: "POST /api/v1/admin/users/:id/role",
    call: (actor) => {
      const id = ids.get("otherLearner") ?? "";
      return changeRole(request(actor, "POST", `/api/v1/admin/users/${id}/role`, { role: "learner" }), params({ id }));
    },
    expected: { anonymous: 401, learner: 403, otherLearner: 403, instructor: 403, admin: 200 },
  },
  { name: "GET /api/v1/openapi.json", call: () => Promise.resolve(openApi()), expected: all(200) },
];

describe("authorization matrix", () => {
  for (const endpoint of endpoints) {
    for (const actor of actors) {
      it(`${endpoint.name} as ${actor} → ${endpoint.expected[actor]}`, async () => {
        vi.spyOn(courseSource, "findQuizItem").mockImplementation((quizId, itemId) =>
          quizId === "activation-functions" && itemId === quizItem.id ? quizItem : undefined,
        );
        const response = await endpoint.call(actor);
        const body = await response.text();
        expect(response.status, body).toBe(endpoint.expected[actor]);
        for (const value of forbiddenEverywhere) expect(body).not.toContain(value);
        for (const [other, email] of emails) if (other !== actor) expect(body).not.toContain(email);
        if (actor !== "learner" && actor !== "instructor" && actor !== "admin") {
          expect(body).not.toContain("owner-code-marker");
          expect(body).not.toContain("owner-draft-marker");
        }
        if (actor === "learner" || actor === "otherLearner") expect(body).not.toContain(HIDDEN_EXPECTED);
      });
    }
  }
});
