// Data access for our own rate limits in the `rate_limits` table, which better-auth also uses for
// its per-address limits (its keys are `<address>|<path>`; ours start with a kind, e.g.
// `account:<email>|/sign-in/email`). Edit this file to add a counter kind.
import { randomBytes } from "node:crypto";
import { prisma } from "../db.server";

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window ends (when refused). */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt on `key` in a fixed window of `windowSeconds` that starts at the first
 * attempt; allowed while the count is at most `max`. One statement, so concurrent attempts in
 * several processes are all counted.
 */
export async function consumeRateLimit(key: string, windowSeconds: number, max: number): Promise<RateLimitDecision> {
  const now = Date.now();
  const windowStartCutoff = now - windowSeconds * 1000;
  const id = randomBytes(16).toString("base64url");
  const rows = await (await prisma()).$queryRaw<{ count: number; last_request: bigint | number | string }[]>`
    INSERT INTO rate_limits (id, key, count, last_request) VALUES (${id}, ${key}, 1, ${now}::bigint)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.last_request <= ${windowStartCutoff}::bigint THEN 1 ELSE rate_limits.count + 1 END,
      last_request = CASE WHEN rate_limits.last_request <= ${windowStartCutoff}::bigint THEN ${now}::bigint ELSE rate_limits.last_request END
    RETURNING count, last_request`;
  const row = rows[0];
  if (row === undefined) throw new Error("rate limit: the upsert returned no row");
  const windowStart = Number(row.last_request);
  return { allowed: Number(row.count) <= max, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowSeconds * 1000 - now) / 1000)) };
}
