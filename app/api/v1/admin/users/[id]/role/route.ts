// POST /api/v1/admin/users/:id/role: change a user's role (admins only, from a browser session).
import { ChangeRoleBody, PathId } from "@/lib/server/api/contract";
import { fail, handle, json, notFound, parseWith, readJsonBody, requireViewer } from "@/lib/server/api/http";
import { updateUserRole } from "@/lib/server/data/users";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    await requireViewer(request, { role: "admin" });
    const id = parseWith(PathId, (await context.params).id);
    const body = await readJsonBody(request, ChangeRoleBody, 1024);
    const user = await updateUserRole(id, body.role);
    if (user === "last-admin") fail(409, "last_admin", "This is the only admin: promote another user to admin first, then change this role.");
    if (user === null) notFound("user");
    return json({ id: user.id, role: user.role });
  });
}
