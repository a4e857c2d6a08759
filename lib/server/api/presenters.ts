// Turns rows into API responses, deciding what each viewer may see.
import "server-only";
import type { SubmissionView } from "./contract";
import type { Viewer } from "../auth.server";
import { hasRole } from "../auth.server";
import type { ApiTokenRow } from "../data/api-tokens";
import type { SubmissionRow } from "../data/submissions";
import { verdictForLearner } from "../verdict-record";

/** Owners see their own submission; instructors and admins see any. Others get null (→ 404). */
export function canSeeSubmission(viewer: Viewer, row: SubmissionRow): boolean {
  return row.userId === viewer.user.id || hasRole(viewer.role, "instructor");
}

export function presentSubmission(row: SubmissionRow, viewer: Viewer, options: { withCode: boolean }): SubmissionView {
  const staff = hasRole(viewer.role, "instructor");
  return {
    id: row.id,
    exerciseId: row.exerciseId,
    status: row.status,
    ...(row.verdict === null ? {} : { verdict: staff ? row.verdict : verdictForLearner(row.verdict) }),
    score: row.score,
    attempt: row.attempt,
    errorReason: row.errorReason,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    ...(options.withCode ? { code: row.code } : {}),
  };
}

export function presentToken(token: ApiTokenRow) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    scopes: token.scopes,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
