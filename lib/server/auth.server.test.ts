// getViewer and the auth secret, against a fresh database with real better-auth sessions.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, createUser, signIn } from "../../tests/factories";
import { getViewer, hasRole, resolveAuthSecret } from "./auth.server";
import type { Database } from "./db.server";
import { parseServerEnv } from "./env.server";
import { openTestDatabase } from "./test-database";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("getViewer", () => {
  it("knows a session's user and role from a Request or from Headers", async () => {
    const { user, password } = await createUser({ role: "instructor" });
    const cookie = await signIn(user.email, password);
    const fromRequest = await getViewer(new Request("http://localhost:3000/", { headers: { cookie } }));
    expect(fromRequest).toMatchObject({ via: "session", role: "instructor", user: { id: user.id, email: user.email } });
    expect(await getViewer(new Headers({ cookie }))).toMatchObject({ via: "session", user: { id: user.id } });
  });

  it("knows a token's user and scopes, and nobody for a bad or missing credential", async () => {
    const { user } = await createUser();
    const token = await createApiToken(user.id, ["drafts:read"]);
    expect(await getViewer(new Headers({ authorization: `Bearer ${token.secret}` }))).toMatchObject({
      via: "token",
      role: "learner",
      scopes: ["drafts:read"],
      user: { id: user.id },
    });
    expect(await getViewer(new Headers({ authorization: "Bearer bpl_nope" }))).toBeNull();
    expect(await getViewer(new Headers({ authorization: "Basic abc" }))).toBeNull();
    expect(await getViewer(new Headers({ cookie: "backprop.session_token=forged.value" }))).toBeNull();
    expect(await getViewer(new Headers())).toBeNull();
  });

  it("sees a promotion at the next request", async () => {
    const { user, password } = await createUser();
    const cookie = await signIn(user.email, password);
    await database.prisma.user.update({ where: { id: user.id }, data: { role: "admin" } });
    expect((await getViewer(new Headers({ cookie })))?.role).toBe("admin");
  });
});

describe("roles and secrets", () => {
  it("orders roles admin ⊃ instructor ⊃ learner", () => {
    expect(hasRole("admin", "instructor")).toBe(true);
    expect(hasRole("instructor", "admin")).toBe(false);
    expect(hasRole("learner", "learner")).toBe(true);
    expect(hasRole("learner", "instructor")).toBe(false);
  });

  it("refuses to start a PostgreSQL-backed production server without BETTER_AUTH_SECRET", () => {
    const server = { NODE_ENV: "production", DATABASE_URL: "postgresql://lab@127.0.0.1:5432/lab" };
    expect(() => resolveAuthSecret(parseServerEnv(server))).toThrow(/BETTER_AUTH_SECRET must be set/);
    const secret = "s".repeat(40);
    expect(resolveAuthSecret(parseServerEnv({ ...server, BETTER_AUTH_SECRET: secret }))).toBe(secret);
  });

  it("keeps a generated secret in the data folder of an embedded production server", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "backprop-secret-"));
    try {
      const env = parseServerEnv({ NODE_ENV: "production", BACKPROP_DATA_DIR: dir });
      const first = resolveAuthSecret(env);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(path.join(dir, "auth-secret"), "utf8").trim()).toBe(first);
      expect(resolveAuthSecret(env)).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
