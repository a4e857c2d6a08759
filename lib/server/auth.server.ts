// Accounts and sessions (better-auth, see docs/decisions/004-auth.md) and `getViewer`, the one
// way pages and route handlers learn who is asking: a browser session cookie or a personal API
// token (`Authorization: Bearer bpl_…`). Edit this file to change sign-in rules, rate limits or
// cookie settings.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { getDatabase } from "./db.server";
import { looksLikeApiToken, selectActiveApiTokenBySecret, type ApiScope } from "./data/api-tokens";
import { consumeRateLimit } from "./data/rate-limits";
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
export const NAME_MAX_LENGTH = 100;
/** RFC 5321's limit on a forward path. */
export const EMAIL_MAX_LENGTH = 254;
/** The largest body any /api/auth request may have (a sign-up is a few hundred bytes). */
export const AUTH_BODY_MAX_BYTES = 8 * 1024;
/** Sign-in attempts per account, whatever address they come from (the per-address limit is better-auth's). */
export const ACCOUNT_SIGN_IN_LIMIT = { windowSeconds: 15 * 60, max: 10 } as const;

/** Bounds on the string fields of /api/auth bodies; password bounds are better-auth's own (above). */
const FIELD_MAX_LENGTH: Record<string, number> = { name: NAME_MAX_LENGTH, email: EMAIL_MAX_LENGTH, image: 2048, callbackURL: 2048 };

/** The first problem with an /api/auth body: a NUL character anywhere (PostgreSQL cannot store it), or a field too long. */
export function findAuthBodyProblem(body: unknown): { code: string; message: string } | null {
  if (body === null || typeof body !== "object") return null;
  for (const [field, value] of Object.entries(body)) {
    if (typeof value !== "string") continue;
    if (value.includes("\u0000")) return { code: "INVALID_CHARACTER", message: `The ${field} must not contain the NUL character (U+0000).` };
    const max = FIELD_MAX_LENGTH[field];
    if (max !== undefined && value.length > max) return { code: "FIELD_TOO_LONG", message: `The ${field} must have at most ${max} characters.` };
  }
  return null;
}

export interface AuthSettings {
  secret: string;
  baseURL: string;
  /** Whether BETTER_AUTH_URL names the public origin; when not, a request's own origin is trusted (ADR 008). */
  publicUrlConfigured: boolean;
  trustedOrigins: string[];
}

function buildAuth(prisma: PrismaClient, settings: AuthSettings) {
  return betterAuth({
    appName: "Backprop Lab",
    secret: settings.secret,
    baseURL: settings.baseURL,
    basePath: "/api/auth",
    // With a configured public URL only it (and BACKPROP_TRUSTED_ORIGINS) may post here. Without
    // one (the quick start, on whatever port or address it is opened), the origin the request was
    // sent to is trusted too: a cross-site form or fetch still carries the other site's Origin and
    // is refused. See docs/decisions/008-trusted-origin-and-proxy.md.
    trustedOrigins: settings.publicUrlConfigured
      ? settings.trustedOrigins
      : (request) => [...settings.trustedOrigins, request === undefined ? null : requestOrigin(request)],
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
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const problem = findAuthBodyProblem(ctx.body);
        if (problem !== null) throw new APIError("BAD_REQUEST", problem);
        if (ctx.path === "/sign-in/email") await limitSignInPerAccount(ctx.body);
      }),
    },
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
    // The address is the single value of X-Forwarded-For, which our server entry (bin/serve.ts)
    // always sets itself: the socket's address, or the client's as seen by a trusted proxy
    // (BACKPROP_TRUSTED_PROXY_HOPS). A chain of several addresses is ignored (better-auth's default).
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

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin the browser sent the request to: its Host (X-Forwarded-Host, which our server entry
 * keeps only from trusted proxies, else Host) and scheme. Not `request.url`: Next.js builds that
 * from its own hostname setting (`http://localhost:<port>`), whatever address was opened.
 */
export function requestOrigin(request: Request): string | null {
  const url = new URL(request.url);
  const first = (value: string | null) => value?.split(",")[0]?.trim() || undefined;
  const host = first(request.headers.get("x-forwarded-host")) ?? first(request.headers.get("host")) ?? url.host;
  const scheme = first(request.headers.get("x-forwarded-proto")) ?? url.protocol.slice(0, -1);
  if ((scheme !== "http" && scheme !== "https") || !HOST.test(host)) return null;
  return new URL(`${scheme}://${host}`).origin;
}

/** Refuses (429) more than ACCOUNT_SIGN_IN_LIMIT attempts on one account, from any number of addresses. */
async function limitSignInPerAccount(body: unknown): Promise<void> {
  const email = body !== null && typeof body === "object" && "email" in body && typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  if (email === "") return;
  const { windowSeconds, max } = ACCOUNT_SIGN_IN_LIMIT;
  const decision = await consumeRateLimit(`account:${email}|/sign-in/email`, windowSeconds, max);
  if (!decision.allowed) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { code: "TOO_MANY_ATTEMPTS_FOR_ACCOUNT", message: "Too many sign-in attempts for this account. Please try again later." },
      { "X-Retry-After": String(decision.retryAfterSeconds) },
    );
  }
}

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
    publicUrlConfigured: env.BETTER_AUTH_URL !== undefined,
    trustedOrigins: [new URL(baseURL).origin, ...env.BACKPROP_TRUSTED_ORIGINS],
  };
}

const cache = new WeakMap<PrismaClient, { env: ServerEnv; auth: Auth }>();

/** The better-auth instance bound to the process's database (rebuilt when the environment is reloaded). */
export async function getAuth(): Promise<Auth> {
  const { prisma } = await getDatabase();
  const env = serverEnv();
  let entry = cache.get(prisma);
  if (entry?.env !== env) {
    entry = { env, auth: buildAuth(prisma, authSettingsFromEnv(env)) };
    cache.set(prisma, entry);
  }
  return entry.auth;
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
