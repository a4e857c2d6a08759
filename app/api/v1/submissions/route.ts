// POST /api/v1/submissions: store a submission and queue it for grading (202).
// GET  /api/v1/submissions?exerciseId=: the viewer's own submissions, newest first.
import { CreateSubmissionBody, SubmissionListQuery } from "@/lib/server/api/contract";
import { assertCodeSize, handle, json, maxBodyBytesForCode, notFound, parseWith, readJsonBody, requireViewer } from "@/lib/server/api/http";
import { presentSubmission } from "@/lib/server/api/presenters";
import { courseSource } from "@/lib/server/course.server";
import { selectSubmissionsByUser } from "@/lib/server/data/submissions";
import { getGradingQueue } from "@/lib/server/grading-queue.server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "submissions:write" });
    const body = await readJsonBody(request, CreateSubmissionBody, maxBodyBytesForCode());
    assertCodeSize(body.code);
    const exercise = courseSource.findExercise(body.exerciseId);
    if (exercise === undefined) notFound("exercise");
    const row = await getGradingQueue().enqueue({
      userId: viewer.user.id,
      exerciseId: body.exerciseId,
      code: body.code,
      locale: body.locale ?? "ko",
      exerciseVersion: exercise.version,
    });
    return json({ id: row.id, status: row.status }, 202, { location: `/api/v1/submissions/${row.id}` });
  });
}

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "submissions:read" });
    const query = parseWith(SubmissionListQuery, Object.fromEntries(new URL(request.url).searchParams));
    const rows = await selectSubmissionsByUser(viewer.user.id, query.exerciseId === undefined ? {} : { exerciseId: query.exerciseId });
    return json({ submissions: rows.map((row) => presentSubmission(row, viewer, { withCode: false })) });
  });
}
