// The shared plumbing of the /api/v1 route handlers: JSON responses and errors, bounded and
// validated request bodies, and the authorization gate (who, which role, which token scope,
// and the same-origin check that protects cookie-authenticated writes from CSRF).
import "server-only";
import type { z } from "zod";
import { authSettingsFromEnv, getViewer, hasRole, requestOrigin, type Role, type Viewer } from "../auth.server";
import type { ApiScope } from "../data/api-tokens";
import { serverEnv } from "../env.server";

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function apiError(status: number, code: string, message: string, fields?: Record<string, string[]>): Response {
  return json({ error: { code, message, ...(fields === undefined ? {} : { fields }) } }, status);
}

/** Thrown inside a handler to answer with an error response; caught by `handle`. */
export class ApiFailure extends Error {
  readonly response: Response;
  constructor(response: Response) {
    super(`API failure ${response.status}`);
    this.response = response;
  }
}

function fail(status: number, code: string, message: string, fields?: Record<string, string[]>): never {
  throw new ApiFailure(apiError(status, code, message, fields));
}

/** Runs a handler, turning ApiFailure into its response and anything else into a plain 500. */
export async function handle(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ApiFailure) return error.response;
    console.error("api: unexpected error", error);
    return apiError(500, "internal_error", "Something went wrong on our side; please try again.");
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF protection for cookie-authenticated writes: the browser must say the request comes from
 * our own origin. SameSite=Lax cookies already stop most cross-site writes; this also stops
 * same-site attackers (another app on a sibling subdomain) and old browsers.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (origin !== null) {
    // The same policy as better-auth's (ADR 008): the configured origins, and without a configured
    // public URL also the address the request was sent to.
    const settings = authSettingsFromEnv();
    const allowed = new Set([new URL(request.url).origin, ...settings.trustedOrigins]);
    if (!settings.publicUrlConfigured) allowed.add(requestOrigin(request) ?? "");
    return allowed.has(origin);
  }
  return fetchSite === "same-origin";
}

export interface Requirements {
  /** The least role needed. */
  role?: Role;
  /** The scope an API token needs; undefined means tokens are refused (browser session only). */
  scope?: ApiScope;
}

/** The viewer allowed to make this request, or throws 401 / 403. */
export async function requireViewer(request: Request, requirements: Requirements = {}): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (viewer === null) fail(401, "unauthorized", "Sign in, or send a valid API token (Authorization: Bearer …).");
  if (viewer.via === "token") {
    if (requirements.scope === undefined) fail(403, "session_required", "This endpoint needs a signed-in browser session; API tokens cannot use it.");
    if (!viewer.scopes.includes(requirements.scope)) fail(403, "missing_scope", `This API token lacks the scope ${requirements.scope}.`);
  } else if (UNSAFE_METHODS.has(request.method) && !isSameOriginRequest(request)) {
    fail(403, "cross_site_request", "Cross-site request refused: send it from the site itself (Origin header), or use an API token.");
  }
  if (requirements.role !== undefined && !hasRole(viewer.role, requirements.role)) {
    fail(403, "forbidden", `This needs the ${requirements.role} role.`);
  }
  return viewer;
}

/**
 * Reads a JSON body of at most `maxBytes`, strictly UTF-8, validated by `schema`.
 * 413 when too large, 400 for bad UTF-8, bad JSON, or a body that does not match (with fields).
 */
export async function readJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema, maxBytes: number): Promise<z.infer<Schema>> {
  const bytes = await readBodyWithin(request, maxBytes);
  if (bytes === "too-large") fail(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    fail(400, "invalid_utf8", "The request body is not valid UTF-8.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(400, "invalid_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length === 0 ? "(body)" : issue.path.map(String).join(".");
      (fields[key] ??= []).push(issue.message);
    }
    fail(400, "invalid_body", "The request body is not valid; see fields.", fields);
  }
  return parsed.data;
}

/**
 * The request's body, or "too-large" as soon as it is over `maxBytes` (declared or read): a
 * client cannot make the server buffer more than that.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | "too-large"> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) return "too-large";
  if (request.body === null) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function maxCodeBytes(): number {
  return serverEnv().BACKPROP_MAX_CODE_BYTES;
}

/** Bodies carrying code may be the code limit plus room for the JSON around it. */
export function maxBodyBytesForCode(): number {
  return maxCodeBytes() + 16 * 1024;
}

/** 413 when `code` is over the limit (measured in UTF-8 bytes, as stored). */
export function assertCodeSize(code: string): void {
  const limit = maxCodeBytes();
  if (Buffer.byteLength(code, "utf8") > limit) fail(413, "code_too_large", `The code is larger than ${Math.round(limit / 1024)} KB.`);
}

export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.map(String).join(".") || "(query)"] ??= []).push(issue.message);
    fail(400, "invalid_request", "The request is not valid; see fields.", fields);
  }
  return parsed.data;
}

export function notFound(what: string): never {
  fail(404, "not_found", `No such ${what}.`);
}

export { fail };
