// GET /api/v1/submissions/:id: one submission with its verdict (owner, or instructor/admin).
import { PathId } from "@/lib/server/api/contract";
import { handle, parseWith, json, notFound, requireViewer } from "@/lib/server/api/http";
import { canSeeSubmission, presentSubmission } from "@/lib/server/api/presenters";
import { selectSubmissionById } from "@/lib/server/data/submissions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "submissions:read" });
    const id = parseWith(PathId, (await context.params).id);
    const row = await selectSubmissionById(id);
    // Someone else's submission is "not found", not "forbidden": ids are not to be probed.
    if (row === null || !canSeeSubmission(viewer, row)) notFound("submission");
    return json(presentSubmission(row, viewer, { withCode: true }));
  });
}
