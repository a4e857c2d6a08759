// better-auth's endpoints (sign up, sign in, sign out, session), see lib/server/auth.server.ts.
// better-auth checks the Origin of every state-changing request against its trusted origins.
// Around it: a bound on the body (no multi-megabyte names to parse and store), and `Secure` on
// every cookie of a request that arrived over https, whatever BETTER_AUTH_URL says.
import { AUTH_BODY_MAX_BYTES, getAuth, requestOrigin } from "@/lib/server/auth.server";
import { readBodyWithin } from "@/lib/server/api/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function authHandler(request: Request): Promise<Response> {
  let forwarded = request;
  if (request.method !== "GET" && request.method !== "HEAD") {
    const body = await readBodyWithin(request, AUTH_BODY_MAX_BYTES);
    if (body === "too-large") {
      // better-auth's error shape, so the client shows the message like its own.
      return Response.json({ code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than ${AUTH_BODY_MAX_BYTES} bytes.` }, { status: 413 });
    }
    forwarded = new Request(request.url, { method: request.method, headers: request.headers, body });
  }
  const response = await (await getAuth()).handler(forwarded);
  return requestOrigin(request)?.startsWith("https:") ? withSecureCookies(response) : response;
}

function withSecureCookies(response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (cookies.every((cookie) => /;\s*secure\s*(;|$)/i.test(cookie))) return response;
  const headers = new Headers();
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers.append(name, value);
  for (const cookie of cookies) headers.append("set-cookie", /;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export { authHandler as GET, authHandler as POST };
