// GET|POST /api/v1/tokens: list and create personal API tokens (instructors and admins, from a
// browser session: a token cannot mint tokens). The secret is in the POST response only.
import { CreateTokenBody } from "@/lib/server/api/contract";
import { handle, json, readJsonBody, requireViewer } from "@/lib/server/api/http";
import { presentToken } from "@/lib/server/api/presenters";
import { insertApiToken, selectApiTokensByUser } from "@/lib/server/data/api-tokens";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { role: "instructor" });
    return json({ tokens: (await selectApiTokensByUser(viewer.user.id)).map(presentToken) });
  });
}

export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const viewer = await requireViewer(request, { role: "instructor" });
    const body = await readJsonBody(request, CreateTokenBody, 8 * 1024);
    const expiresAt = body.expiresInDays === undefined ? null : new Date(Date.now() + body.expiresInDays * 86_400_000);
    const { token, secret } = await insertApiToken({ userId: viewer.user.id, name: body.name, scopes: body.scopes, expiresAt });
    return json({ ...presentToken(token), token: secret }, 201);
  });
}
