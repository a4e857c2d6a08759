// The HTTP API's request and response shapes (zod), the single source for validation in the
// route handlers and for /api/v1/openapi.json. Importable from client code for the types (it
// has no server dependencies). Edit this file first when an endpoint changes.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Locale = z.enum(["ko", "en"]).meta({ id: "Locale" });
export const ApiScope = z.enum(["submissions:write", "submissions:read", "drafts:write", "drafts:read", "progress:read"]).meta({ id: "ApiScope" });
export const Role = z.enum(["learner", "instructor", "admin"]).meta({ id: "Role" });
export const SubmissionStatus = z.enum(["queued", "running", "done", "error"]).meta({ id: "SubmissionStatus" });

export const ApiErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. invalid_body, unauthorized"),
      message: z.string().describe("What went wrong, for a person"),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("Per-field problems of a bad body"),
    }),
  })
  .meta({ id: "ApiError" });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/**
 * PostgreSQL text cannot hold U+0000 (it fails with error 22021, a 500): every string from a
 * request that reaches the database is refused with a 400 here instead.
 */
export const NUL_CHARACTER_MESSAGE = "must not contain the NUL character (U+0000)";
export function hasNoNulCharacter(value: string): boolean {
  return !value.includes("\u0000");
}
/** A string that can be stored: no NUL character. */
export const StorableText = z.string().refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE);
/** An opaque id from a URL path (`/…/:id`): non-empty, bounded, storable. */
export const PathId = z.string().min(1, "must not be empty").max(200, "is too long").refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE);

export const ExerciseId = z.string().min(1).max(100).regex(kebabCase, "must be a kebab-case exercise id");

export const ExerciseListItem = z
  .object({
    id: z.string(),
    version: z.string().describe("Content hash of the exercise folder"),
    section: z.string(),
    order: z.number(),
    title: z.object({ ko: z.string(), en: z.string() }),
  })
  .meta({ id: "ExerciseListItem" });
export const ExerciseList = z.object({ exercises: z.array(ExerciseListItem) }).meta({ id: "ExerciseList" });

export const CreateSubmissionBody = z
  .object({
    exerciseId: ExerciseId,
    code: StorableText.describe("TypeScript source; at most the grader's limit (50 000 bytes of UTF-8; 413 otherwise), without NUL characters"),
    locale: Locale.optional().describe("Language of the verdict's messages; default ko"),
  })
  .strict()
  .meta({ id: "CreateSubmission" });

export const SubmissionCreated = z.object({ id: z.string(), status: SubmissionStatus }).meta({ id: "SubmissionCreated" });

export const SubmissionView = z
  .object({
    id: z.string(),
    exerciseId: z.string(),
    status: SubmissionStatus,
    verdict: z.unknown().optional().describe("The Verdict (grader/grading/verdict.ts) once graded"),
    score: z.number().nullable(),
    attempt: z.number().int().nullable().describe("Attempt number; null until graded and for grader failures"),
    errorReason: z.string().nullable().describe("Why grading failed (status error): the grader's fault, not the learner's"),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    code: z.string().optional().describe("The submitted code (single-submission view only)"),
  })
  .meta({ id: "Submission" });
export type SubmissionView = z.infer<typeof SubmissionView>;
export const SubmissionSummary = z
  .object({
    id: z.string(),
    exerciseId: z.string(),
    status: SubmissionStatus,
    result: z.enum(["pass", "fail", "error"]).nullable().describe("The verdict's status; null until graded"),
    score: z.number().nullable(),
    attempt: z.number().int().nullable(),
    errorReason: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "SubmissionSummary" });
export type SubmissionSummary = z.infer<typeof SubmissionSummary>;
export const SUBMISSION_PAGE_MAX = 100;
export const SubmissionList = z
  .object({
    submissions: z.array(SubmissionSummary).describe("Newest first; the full verdict is on GET /api/v1/submissions/{id}"),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
  })
  .meta({ id: "SubmissionList" });
export const SubmissionListQuery = z
  .object({
    exerciseId: ExerciseId.optional(),
    limit: z.coerce.number().int().min(1).max(SUBMISSION_PAGE_MAX).default(20).describe(`Page size, at most ${SUBMISSION_PAGE_MAX}`),
    cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
  })
  .strict();
/** Idempotency-Key header of POST /api/v1/submissions: a client-chosen id of one submission. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, "must be 1 to 200 visible ASCII characters");

export const DraftView = z.object({ code: z.string(), updatedAt: z.string() }).meta({ id: "Draft" });
export const PutDraftBody = z.object({ code: StorableText }).strict().meta({ id: "PutDraft" });

export const QuizAnswerBody = z
  .object({
    answer: z.union([
      z.object({ kind: z.literal("multiple-choice"), choice: z.string().max(100) }).strict(),
      z.object({ kind: z.literal("multiple-answer"), choices: z.array(z.string().max(100)).max(50) }).strict(),
      z.object({ kind: z.literal("numeric"), value: z.number() }).strict(),
    ]),
    locale: Locale.optional(),
  })
  .strict()
  .meta({ id: "QuizAnswer" });
export const QuizGradeView = z
  .object({
    correct: z.boolean(),
    score: z.number(),
    explanation: z.string().nullable().describe("null until the item is answered correctly or tried explanationAfterTries times"),
    correctAnswer: z
      .object({ value: z.union([z.string(), z.array(z.string()), z.number()]), text: z.string() })
      .nullable()
      .describe("null while the explanation is"),
    feedback: z.array(z.object({ choice: z.string(), text: z.string() })),
    tries: z.number().int().describe("The learner's answers to this item so far, this one included"),
    explanationAfterTries: z.number().int(),
  })
  .meta({ id: "QuizGrade" });

export const ProgressView = z
  .object({
    exercises: z.array(
      z.object({
        exerciseId: z.string(),
        status: z.enum(["attempted", "passed"]),
        bestScore: z.number(),
        attempts: z.number().int(),
        passedAt: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
  })
  .meta({ id: "Progress" });

export const CreateTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(ApiScope).min(1),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .meta({ id: "CreateToken" });
export const TokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("First characters of the secret, to recognise the token"),
    scopes: z.array(ApiScope),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "Token" });
export const TokenCreated = TokenView.extend({ token: z.string().describe("The secret; shown once, never stored") }).meta({ id: "TokenCreated" });
export const TokenList = z.object({ tokens: z.array(TokenView) }).meta({ id: "TokenList" });

export const ChangeRoleBody = z.object({ role: Role }).strict().meta({ id: "ChangeRole" });
export const UserRoleView = z.object({ id: z.string(), role: Role }).meta({ id: "UserRole" });

const IdParam = z.object({ id: z.string() });

function errors(...codes: number[]) {
  const descriptions: Record<number, string> = {
    400: "Bad request: the body or query did not validate (see error.fields)",
    401: "Not signed in, or the token is invalid",
    403: "Signed in but not allowed (role, scope, or cross-site request)",
    404: "No such resource (or not yours)",
    409: "Refused: it would leave the site without an admin",
    413: "The code is larger than the limit",
    422: "The Idempotency-Key was already used with a different request",
    429: "Too many submissions: see the Retry-After header",
    503: "The course content could not be loaded",
  };
  return Object.fromEntries(
    codes.map((code) => [code, { description: descriptions[code] ?? "Error", content: { "application/json": { schema: ApiErrorBody } } }]),
  );
}
const jsonBody = (schema: z.ZodType) => ({ body: { content: { "application/json": { schema } } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema } } });

export function buildOpenApiDocument(): ReturnType<OpenApiGeneratorV31["generateDocument"]> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "backprop.session_token" });
  registry.registerComponent("securitySchemes", "token", { type: "http", scheme: "bearer", description: "Personal API token (bpl_…)" });
  const authed: Record<string, string[]>[] = [{ session: [] }, { token: [] }];
  const sessionOnly: Record<string, string[]>[] = [{ session: [] }];

  registry.registerPath({ method: "get", path: "/api/v1/exercises", summary: "List the exercises", responses: { 200: ok("The exercises", ExerciseList) } });
  registry.registerPath({
    method: "post",
    path: "/api/v1/submissions",
    summary: "Submit code for grading (scope submissions:write); send an Idempotency-Key header to retry safely",
    security: authed,
    request: { headers: z.object({ "idempotency-key": IdempotencyKey.optional() }), ...jsonBody(CreateSubmissionBody) },
    responses: {
      200: ok("Already submitted with this Idempotency-Key: the same submission (header Idempotent-Replayed: true)", SubmissionCreated),
      202: ok("Stored and queued", SubmissionCreated),
      ...errors(400, 401, 403, 404, 413, 422, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/submissions",
    summary: "Your submissions, newest first, one page of summaries (scope submissions:read)",
    security: authed,
    request: { query: SubmissionListQuery },
    responses: { 200: ok("Your submissions", SubmissionList), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/submissions/{id}",
    summary: "One submission (yours, or any for instructors)",
    security: authed,
    request: { params: IdParam },
    responses: { 200: ok("The submission", SubmissionView), ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/submissions/{id}/events",
    summary: "Server-sent events: one `queued`, `running`, `done` or `error` event per status change, data = Submission",
    security: authed,
    request: { params: IdParam },
    responses: { 200: { description: "text/event-stream", content: { "text/event-stream": { schema: z.string() } } }, ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/drafts/{exerciseId}",
    summary: "Your draft (scope drafts:read)",
    security: authed,
    request: { params: z.object({ exerciseId: ExerciseId }) },
    responses: { 200: ok("The draft", DraftView), ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "put",
    path: "/api/v1/drafts/{exerciseId}",
    summary: "Save your draft (scope drafts:write)",
    security: authed,
    request: { params: z.object({ exerciseId: ExerciseId }), ...jsonBody(PutDraftBody) },
    responses: { 200: ok("The saved draft", DraftView), ...errors(400, 401, 403, 404, 413) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/quizzes/{quizId}/items/{itemId}/answers",
    summary: "Answer a quiz item; returns the grade, with the explanation once answered correctly or after explanationAfterTries tries",
    security: sessionOnly,
    request: { params: z.object({ quizId: z.string(), itemId: z.string() }), ...jsonBody(QuizAnswerBody) },
    responses: { 200: ok("The graded answer", QuizGradeView), ...errors(400, 401, 403, 404, 503) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/progress",
    summary: "Your progress per exercise (scope progress:read)",
    security: authed,
    responses: { 200: ok("Your progress", ProgressView), ...errors(401, 403) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/tokens",
    summary: "Your API tokens (instructor or admin)",
    security: sessionOnly,
    responses: { 200: ok("Your tokens", TokenList), ...errors(401, 403) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/tokens",
    summary: "Create an API token (instructor or admin); the secret is in the response only",
    security: sessionOnly,
    request: jsonBody(CreateTokenBody),
    responses: { 201: ok("The new token with its secret", TokenCreated), ...errors(400, 401, 403) },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke one of your tokens (admins: any token)",
    security: sessionOnly,
    request: { params: IdParam },
    responses: { 200: ok("The revoked token", TokenView), ...errors(401, 403, 404) },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/admin/users/{id}/role",
    summary: "Change a user's role (admin)",
    security: sessionOnly,
    request: { params: IdParam, ...jsonBody(ChangeRoleBody) },
    responses: { 200: ok("The user's new role", UserRoleView), ...errors(400, 401, 403, 404, 409) },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Backprop Lab API", version: "1.0.0", description: "Submit code, follow grading, keep drafts and progress. Accounts: /api/auth (better-auth)." },
  });
}
