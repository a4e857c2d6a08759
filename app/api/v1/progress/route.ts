// GET /api/v1/progress: the viewer's status per exercise they have attempted.
import { handle, json, requireViewer } from "@/lib/server/api/http";
import { selectProgressByUser } from "@/lib/server/data/progress";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { scope: "progress:read" });
    const rows = await selectProgressByUser(viewer.user.id);
    return json({
      exercises: rows.map((row) => ({
        exerciseId: row.exerciseId,
        status: row.status,
        bestScore: row.bestScore,
        attempts: row.attempts,
        passedAt: row.passedAt?.toISOString() ?? null,
        updatedAt: row.updatedAt.toISOString(),
      })),
    });
  });
}
