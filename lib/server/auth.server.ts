// Accounts and sessions (better-auth, see docs/decisions/004-auth.md) and `getViewer`, the one
// way pages and route handlers learn who is asking: a browser session cookie or a personal API
// token (`Authorization: Bearer bpl_…`). Edit this file to change sign-in rules, rate limits or
// cookie settings.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { getDatabase } from "./db.server";
import { looksLikeApiToken, selectActiveApiTokenBySecret, type ApiScope } from "./data/api-tokens";
import { selectUserById } from "./data/users";
import { dataDirectory, serverEnv, type ServerEnv } from "./env.server";

export const Role = z.enum(["learner", "instructor", "admin"]);
export type Role = z.infer<typeof Role>;

const roleRank: Record<Role, number> = { learner: 0, instructor: 1, admin: 2 };

/** Whether `role` is `required` or above (admin ⊃ instructor ⊃ learner). */
export function hasRole(role: Role, required: Role): boolean {
  return roleRank[role] >= roleRank[required];
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface AuthSettings {
  secret: string;
  baseURL: string;
  trustedOrigins: string[];
}

function buildAuth(prisma: PrismaClient, settings: AuthSettings) {
  return betterAuth({
    appName: "Backprop Lab",
    secret: settings.secret,
    baseURL: settings.baseURL,
    basePath: "/api/auth",
    trustedOrigins: settings.trustedOrigins,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
    },
    user: {
      additionalFields: {
        // input: false — a sign-up body cannot choose its role; promotion is an admin action.
        role: { type: "string", required: false, defaultValue: "learner", input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      // In the database so that every web process counts the same attempts.
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 5 },
        "/sign-up/email": { window: 60 * 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: "backprop",
      // better-auth skips its Origin (CSRF) check when NODE_ENV=test; we want tests to see the
      // production behaviour.
      disableOriginCheck: false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: () => randomBytes(16).toString("base64url") },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof buildAuth>;

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET, or, on the embedded database, a random
 * one kept in the data folder beside the data it protects, so sessions survive restarts and the
 * quick start needs no configuration. Server mode (DATABASE_URL) runs several processes that must
 * share one secret, so there a missing secret is an error.
 */
export function resolveAuthSecret(env: ServerEnv): string {
  if (env.BETTER_AUTH_SECRET !== undefined) return env.BETTER_AUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL !== undefined) {
    throw new Error("BETTER_AUTH_SECRET must be set when DATABASE_URL is (every process needs the same secret: at least 32 random characters, e.g. `openssl rand -base64 32`).");
  }
  if (env.NODE_ENV === "test") return testSecret;
  const file = path.join(dataDirectory(env), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return secret;
}
const testSecret = randomBytes(32).toString("base64url");

export function authSettingsFromEnv(env: ServerEnv = serverEnv()): AuthSettings {
  const baseURL = env.BETTER_AUTH_URL ?? "http://localhost:3000";
  return {
    secret: resolveAuthSecret(env),
    baseURL,
    trustedOrigins: [new URL(baseURL).origin, ...env.BACKPROP_TRUSTED_ORIGINS],
  };
}

const cache = new WeakMap<PrismaClient, Auth>();

/** The better-auth instance bound to the process's database. */
export async function getAuth(): Promise<Auth> {
  const { prisma } = await getDatabase();
  let auth = cache.get(prisma);
  if (auth === undefined) {
    auth = buildAuth(prisma, authSettingsFromEnv());
    cache.set(prisma, auth);
  }
  return auth;
}

export interface ViewerUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type Viewer =
  | { user: ViewerUser; role: Role; via: "session" }
  | { user: ViewerUser; role: Role; via: "token"; tokenId: string; scopes: ApiScope[] };

const SessionUser = z.object({ id: z.string(), email: z.string(), name: z.string(), role: Role.catch("learner") });

/**
 * Who is asking: the user of a valid API token (Authorization: Bearer) or of the session cookie,
 * or null. A present but invalid token is null too: we never fall back to the cookie then.
 */
export async function getViewer(input: Request | Headers): Promise<Viewer | null> {
  // Next's headers() returns a Headers look-alike, so test for Request rather than Headers.
  const headers = input instanceof Request ? input.headers : input;
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const secret = match?.[1];
    if (secret === undefined || !looksLikeApiToken(secret)) return null;
    const token = await selectActiveApiTokenBySecret(secret);
    if (token === null) return null;
    const row = await selectUserById(token.userId);
    if (row === null) return null;
    const user = { id: row.id, email: row.email, name: row.name, role: row.role };
    return { user, role: user.role, via: "token", tokenId: token.id, scopes: token.scopes };
  }
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (session === null) return null;
  const user = SessionUser.parse(session.user);
  return { user, role: user.role, via: "session" };
}
