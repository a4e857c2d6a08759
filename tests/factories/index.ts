// Factories for test data, shared by the tests of lib/server, app/api and tests/authz, and by
// the development seed (prisma/seed.ts). Users are created through better-auth, so they have
// real password hashes and can sign in; sessions and tokens are real ones too.
import { randomBytes } from "node:crypto";
import { getAuth, type Role } from "../../lib/server/auth.server";
import { insertApiToken, type ApiScope } from "../../lib/server/data/api-tokens";
import { insertSubmission, type SubmissionRow } from "../../lib/server/data/submissions";
import { selectUserByEmail, updateUserRole, type UserRow } from "../../lib/server/data/users";
import type { VerdictRecord } from "../../lib/server/verdict-record";

let counter = 0;

export interface CreatedUser {
  user: UserRow;
  password: string;
}

export async function createUser(options: { role?: Role; email?: string; name?: string; password?: string } = {}): Promise<CreatedUser> {
  counter += 1;
  const email = options.email ?? `user${counter}-${randomBytes(4).toString("hex")}@example.org`;
  const password = options.password ?? `pw-${randomBytes(9).toString("base64url")}`;
  const auth = await getAuth();
  await auth.api.signUpEmail({ body: { email, password, name: options.name ?? `Test User ${counter}` } });
  const created = await selectUserByEmail(email);
  if (created === null) throw new Error(`sign-up of ${email} did not create a user`);
  const role = options.role ?? "learner";
  const user = role === "learner" ? created : await updateUserRole(created.id, role);
  if (user === null || user === "last-admin") throw new Error(`could not set the role of ${email}`);
  return { user, password };
}

/** Signs in through better-auth and returns the `Cookie` header a browser would send. */
export async function signIn(email: string, password: string): Promise<string> {
  const auth = await getAuth();
  const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  return cookieHeaderFrom(headers);
}

/** Turns Set-Cookie response headers into a request Cookie header. */
export function cookieHeaderFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair !== "")
    .join("; ");
}

export async function createApiToken(userId: string, scopes: ApiScope[] = ["submissions:write", "submissions:read"]): Promise<{ id: string; secret: string }> {
  const { token, secret } = await insertApiToken({ userId, name: "test token", scopes });
  return { id: token.id, secret };
}

export function buildVerdict(overrides: Partial<VerdictRecord> = {}): VerdictRecord {
  return {
    version: 1,
    exercise: "sigmoid",
    exerciseVersion: "sha256-test-version",
    seed: 1,
    status: "pass",
    score: 1,
    tests: [
      { name: "small-vector", status: "pass", message: "ok", visible: true, expected: [[0.5]], actual: [[0.5]] },
      { name: "large-magnitudes", status: "pass", message: "ok", visible: false, expected: [[1]], actual: [[1]] },
    ],
    misconceptions: [],
    stdout: "",
    durationMs: 12,
    ...overrides,
  };
}

export async function createSubmission(userId: string, overrides: { exerciseId?: string; code?: string; seed?: number } = {}): Promise<SubmissionRow> {
  return insertSubmission({
    userId,
    exerciseId: overrides.exerciseId ?? "sigmoid",
    code: overrides.code ?? "export function sigmoid(z) { return z; }",
    locale: "ko",
    ...(overrides.seed === undefined ? {} : { seed: overrides.seed }),
  });
}
