// DELETE /api/v1/tokens/:id: revoke a token (its owner, or an admin).
import { PathId } from "@/lib/server/api/contract";
import { handle, json, notFound, parseWith, requireViewer } from "@/lib/server/api/http";
import { presentToken } from "@/lib/server/api/presenters";
import { hasRole } from "@/lib/server/auth.server";
import { revokeApiToken, selectApiTokenById } from "@/lib/server/data/api-tokens";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request);
    const id = parseWith(PathId, (await context.params).id);
    const token = await selectApiTokenById(id);
    if (token === null || (token.userId !== viewer.user.id && !hasRole(viewer.role, "admin"))) notFound("token");
    await revokeApiToken(id);
    const revoked = await selectApiTokenById(id);
    if (revoked === null) notFound("token");
    return json(presentToken(revoked));
  });
}
