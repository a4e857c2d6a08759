// better-auth's endpoints (sign up, sign in, sign out, session), see lib/server/auth.server.ts.
// better-auth checks the Origin of every state-changing request against its trusted origins.
import { getAuth } from "@/lib/server/auth.server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function authHandler(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export { authHandler as GET, authHandler as POST };
