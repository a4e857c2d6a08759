// GET|PUT /api/v1/drafts/:exerciseId: the viewer's saved code for an exercise.
import { ExerciseId, PutDraftBody } from "@/lib/server/api/contract";
import { assertCodeSize, handle, json, maxBodyBytesForCode, notFound, parseWith, readJsonBody, requireViewer } from "@/lib/server/api/http";
import { courseSource } from "@/lib/server/course.server";
import { selectDraft, upsertDraft } from "@/lib/server/data/drafts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ exerciseId: string }> };

export function GET(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "drafts:read" });
    const exerciseId = parseWith(ExerciseId, (await context.params).exerciseId);
    const draft = await selectDraft(viewer.user.id, exerciseId);
    if (draft === null) notFound("draft");
    return json({ code: draft.code, updatedAt: draft.updatedAt.toISOString() });
  });
}

export function PUT(request: Request, context: Context): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "drafts:write" });
    const exerciseId = parseWith(ExerciseId, (await context.params).exerciseId);
    const body = await readJsonBody(request, PutDraftBody, maxBodyBytesForCode());
    assertCodeSize(body.code);
    if (!courseSource.exerciseExists(exerciseId)) notFound("exercise");
    const draft = await upsertDraft(viewer.user.id, exerciseId, body.code);
    return json({ code: draft.code, updatedAt: draft.updatedAt.toISOString() });
  });
}
