// Issue 9 hardening of the endpoints around accounts and drafts: a NUL character (U+0000, which
// PostgreSQL text cannot store) in a body or a path id is a 400, not a 500; an admin cannot
// demote the last admin (409).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as changeRole } from "@/app/api/v1/admin/users/[id]/role/route";
import { PUT as putDraft } from "@/app/api/v1/drafts/[exerciseId]/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import type { Database } from "@/lib/server/db.server";
import { selectUserById } from "@/lib/server/data/users";
import { openTestDatabase } from "@/lib/server/test-database";
import { createUser, signIn } from "@/tests/factories";
import { errorOf } from "../support/api-errors";

const ORIGIN = "http://localhost:3000";
let database: Database;
let adminId = "";
let adminCookie = "";
let learnerId = "";

beforeAll(async () => {
  database = await openTestDatabase();
  const admin = await createUser({ role: "admin" });
  adminId = admin.user.id;
  adminCookie = await signIn(admin.user.email, admin.password);
  learnerId = (await createUser()).user.id;
});
afterAll(async () => {
  await database.close();
});

function send(method: string, path: string, body?: unknown): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: { cookie: adminCookie, origin: ORIGIN, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

describe("the NUL character", () => {
  it("is refused with 400 in a draft's code, naming the field, and nothing is stored", async () => {
    const response = await putDraft(send("PUT", "/api/v1/drafts/sigmoid", { code: "export const a = 1;\u0000" }), params({ exerciseId: "sigmoid" }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).fields?.code?.join(" ")).toMatch(/U\+0000/);
    expect(await database.prisma.draft.count()).toBe(0);
  });

  it("is refused with 400 in path ids (draft exercise, user, token)", async () => {
    const draft = await putDraft(send("PUT", "/api/v1/drafts/sig%00moid", { code: "x" }), params({ exerciseId: "sig\u0000moid" }));
    expect(draft.status).toBe(400);
    const role = await changeRole(send("POST", "/api/v1/admin/users/a%00b/role", { role: "instructor" }), params({ id: "a\u0000b" }));
    expect(role.status).toBe(400);
    expect((await errorOf(role)).message).toMatch(/not valid/);
    const token = await revokeToken(send("DELETE", "/api/v1/tokens/a%00b"), params({ id: "a\u0000b" }));
    expect(token.status).toBe(400);
  });
});

describe("cookie-authenticated writes without BETTER_AUTH_URL", () => {
  it("are accepted from the address the site was opened at (127.0.0.1, another port), and refused from elsewhere", async () => {
    // next start builds request.url from its own hostname (localhost); the Host header is the address opened.
    const put = (origin: string) =>
      putDraft(
        new Request("http://localhost:3101/api/v1/drafts/sigmoid", {
          method: "PUT",
          headers: { cookie: adminCookie, host: "127.0.0.1:3101", "x-forwarded-proto": "http", origin, "content-type": "application/json" },
          body: JSON.stringify({ code: "// saved from 127.0.0.1" }),
        }),
        params({ exerciseId: "sigmoid" }),
      );
    expect((await put("http://127.0.0.1:3101")).status).toBe(200);
    expect((await put("http://evil.example")).status).toBe(403);
  });
});

describe("the last admin", () => {
  it("cannot be demoted (409 with a clear message); once another admin exists, can be", async () => {
    const refused = await changeRole(send("POST", `/api/v1/admin/users/${adminId}/role`, { role: "learner" }), params({ id: adminId }));
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe("last_admin");
    expect(error.message).toMatch(/only admin/);
    expect((await selectUserById(adminId))?.role).toBe("admin");

    // Keeping the role, or promoting someone else, is fine.
    expect((await changeRole(send("POST", `/api/v1/admin/users/${adminId}/role`, { role: "admin" }), params({ id: adminId }))).status).toBe(200);
    const promoted = await changeRole(send("POST", `/api/v1/admin/users/${learnerId}/role`, { role: "admin" }), params({ id: learnerId }));
    expect(await promoted.json()).toEqual({ id: learnerId, role: "admin" });

    const demoted = await changeRole(send("POST", `/api/v1/admin/users/${adminId}/role`, { role: "instructor" }), params({ id: adminId }));
    expect(demoted.status).toBe(200);
    expect((await selectUserById(adminId))?.role).toBe("instructor");
    expect((await selectUserById(learnerId))?.role).toBe("admin");
  });
});
