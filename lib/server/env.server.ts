// The server's environment, validated once with zod. Every server module reads configuration
// from `serverEnv()`, never from process.env directly, so a bad value fails at start-up with
// a message naming the variable. Edit this file to add a setting (and document it in
// docs/scaling.md when it matters for deployment).
import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((value) => value === "1" || value === "true" || value === "yes");

export const ServerEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .describe("PostgreSQL server; when unset the embedded PGlite database in BACKPROP_DATA_DIR is used"),
  BACKPROP_DATA_DIR: z.string().min(1).default("./data").describe("Folder of the embedded database and the dev secret"),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BETTER_AUTH_URL: z.url().optional().describe("Public origin of the site, e.g. https://lab.example.org"),
  BACKPROP_TRUSTED_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((origin) => origin.trim()).filter((origin) => origin !== ""))
    .describe("Extra origins allowed to send cookie-authenticated requests, comma separated"),
  BACKPROP_TRUSTED_PROXY_HOPS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe("Reverse proxies in front of the web server that append to X-Forwarded-For (0: the socket's address is the client's)"),
  BACKPROP_MAX_CODE_BYTES: z.coerce.number().int().min(1024).max(16 * 1024 * 1024).default(256 * 1024),
  BACKPROP_GRADING_IN_WEB: booleanFlag
    .default(true)
    .describe("Run the grading queue runner inside the web process (set 0 when separate grading workers run)"),
  BACKPROP_GRADING_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  BACKPROP_GRADING_MAX_RUNS: z.coerce.number().int().min(1).max(10).default(3),
  BACKPROP_GRADING_STALE_SECONDS: z.coerce
    .number()
    .int()
    .min(10)
    .default(300)
    .describe("Only for rows claimed before grading leases existed (no lease): when such a running row is orphaned"),
  BACKPROP_GRADING_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(3600)
    .default(20)
    .describe("How long a grading claim lasts without a heartbeat; a dead runner's rows are reclaimed after it"),
  BACKPROP_GRADING_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(600).default(5).describe("How often a live runner renews its leases"),
  BACKPROP_SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20).describe("Submissions one user may make per minute (429 above)"),
  BACKPROP_SUBMISSIONS_MAX_PENDING: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(10)
    .describe("Queued or running submissions one user may have at a time (429 above)"),
});
export type ServerEnv = z.infer<typeof ServerEnv>;

/** Parses an environment; throws one error listing every bad variable. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const parsed = ServerEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid server environment:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

const cache = globalThis as unknown as { backpropServerEnv?: ServerEnv };

export function serverEnv(): ServerEnv {
  cache.backpropServerEnv ??= parseServerEnv(process.env);
  return cache.backpropServerEnv;
}

export function dataDirectory(env: ServerEnv = serverEnv()): string {
  return path.resolve(env.BACKPROP_DATA_DIR);
}

/** Parses the environment again (the CLI tests point BACKPROP_DATA_DIR at a temporary folder). */
export function reloadServerEnv(): ServerEnv {
  cache.backpropServerEnv = parseServerEnv(process.env);
  return cache.backpropServerEnv;
}
