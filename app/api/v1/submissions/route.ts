// POST /api/v1/submissions: store a submission and queue it for grading (202), at most the
//   grader's code limit (413), no NUL characters (400), per-user limits (429 + Retry-After), and
//   safe to retry with an Idempotency-Key header (the same submission again, 200).
// GET  /api/v1/submissions?exerciseId=&limit=&cursor=: one page of the viewer's own submissions,
//   newest first, as summaries (the verdict is on GET /api/v1/submissions/:id).
import { createHash } from "node:crypto";
import { DEFAULT_MAX_CODE_BYTES } from "@/lib/server/grader";
import { CreateSubmissionBody, IdempotencyKey, SubmissionListQuery, type SubmissionSummary } from "@/lib/server/api/contract";
import { apiError, fail, handle, json, maxBodyBytesForCode, maxCodeBytes, notFound, parseWith, readJsonBody, requireViewer } from "@/lib/server/api/http";
import { courseSource } from "@/lib/server/course.server";
import {
  IdempotencyKeyTaken,
  selectSubmissionByIdempotencyKey,
  selectSubmissionsByUser,
  SubmissionLimitReached,
  type SubmissionCursor,
  type SubmissionRow,
  type SubmissionSummaryRow,
} from "@/lib/server/data/submissions";
import { getGradingQueue } from "@/lib/server/grading-queue.server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One limit for code: the grader's (a larger submission would only be graded as an upload error). */
function maxSubmissionCodeBytes(): number {
  return Math.min(DEFAULT_MAX_CODE_BYTES, maxCodeBytes());
}

/** What an Idempotency-Key stands for: this user's exact request. */
function requestHash(body: { exerciseId: string; code: string; locale?: string | undefined }): string {
  return createHash("sha256")
    .update(JSON.stringify([body.exerciseId, body.locale ?? "ko", body.code]))
    .digest("hex");
}

function created(row: SubmissionRow, replayed: boolean): Response {
  return json({ id: row.id, status: row.status }, replayed ? 200 : 202, {
    location: `/api/v1/submissions/${row.id}`,
    ...(replayed ? { "idempotent-replayed": "true" } : {}),
  });
}

/** The earlier submission made with this key, if the request is the same one (422 if not). */
function replayOf(row: SubmissionRow | null, hash: string): SubmissionRow | null {
  if (row === null) return null;
  if (row.requestHash !== hash) {
    fail(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different submission; use a new key for new code.");
  }
  return row;
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "submissions:write" });
    const header = request.headers.get("idempotency-key");
    const key = header === null ? undefined : parseWith(IdempotencyKey, header);
    const body = await readJsonBody(request, CreateSubmissionBody, maxBodyBytesForCode());
    const limit = maxSubmissionCodeBytes();
    const bytes = Buffer.byteLength(body.code, "utf8");
    if (bytes > limit) fail(413, "code_too_large", `The code is ${bytes} bytes; the grader accepts at most ${limit} bytes.`);
    const exercise = courseSource.findExercise(body.exerciseId);
    if (exercise === undefined) notFound("exercise");
    const hash = requestHash(body);
    if (key !== undefined) {
      const earlier = replayOf(await selectSubmissionByIdempotencyKey(viewer.user.id, key), hash);
      if (earlier !== null) return created(earlier, true);
    }
    try {
      const row = await getGradingQueue().enqueue({
        userId: viewer.user.id,
        exerciseId: body.exerciseId,
        code: body.code,
        locale: body.locale ?? "ko",
        exerciseVersion: exercise.version,
        requestHash: hash,
        ...(key === undefined ? {} : { idempotencyKey: key }),
      });
      return created(row, false);
    } catch (error) {
      if (error instanceof SubmissionLimitReached) {
        // A retry whose first request committed meanwhile is answered, not limited.
        const earlier = key === undefined ? null : replayOf(await selectSubmissionByIdempotencyKey(viewer.user.id, key), hash);
        if (earlier !== null) return created(earlier, true);
        const response = apiError(429, error.limit === "rate" ? "too_many_submissions" : "too_many_pending_submissions", error.message);
        response.headers.set("retry-after", String(error.retryAfterSeconds));
        return response;
      }
      if (error instanceof IdempotencyKeyTaken && key !== undefined) {
        // A concurrent request with the same key committed first.
        const earlier = replayOf(await selectSubmissionByIdempotencyKey(viewer.user.id, key), hash);
        if (earlier !== null) return created(earlier, true);
      }
      throw error;
    }
  });
}

function encodeCursor(cursor: SubmissionCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

function decodeCursor(text: string): SubmissionCursor {
  const [at = "", id = ""] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || id === "") fail(400, "invalid_request", "The cursor is not one this API returned.", { cursor: ["invalid cursor"] });
  return { createdAt, id };
}

function presentSummary(row: SubmissionSummaryRow): SubmissionSummary {
  return {
    id: row.id,
    exerciseId: row.exerciseId,
    status: row.status,
    result: row.result,
    score: row.score,
    attempt: row.attempt,
    errorReason: row.errorReason,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "submissions:read" });
    const query = parseWith(SubmissionListQuery, Object.fromEntries(new URL(request.url).searchParams));
    const page = await selectSubmissionsByUser(viewer.user.id, {
      limit: query.limit,
      ...(query.exerciseId === undefined ? {} : { exerciseId: query.exerciseId }),
      ...(query.cursor === undefined ? {} : { after: decodeCursor(query.cursor) }),
    });
    return json({ submissions: page.rows.map(presentSummary), nextCursor: page.next === null ? null : encodeCursor(page.next) });
  });
}
