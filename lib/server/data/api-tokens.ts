// Data access for personal API tokens. The secret (`bpl_` + 43 base64url characters, 256 bits)
// is shown once when created; only its sha256 is stored, with a short prefix to recognise it in
// a list. A token is live until revoked or expired. Edit this file to change the token format.
import { createHash, randomBytes } from "node:crypto";
import { ApiScope } from "../api/contract";
import { prisma } from "../db.server";

export { ApiScope };
export type ApiScope = (typeof ApiScope.options)[number];

export interface ApiTokenRow {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const SECRET_PATTERN = /^bpl_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;

/** Whether a string has the shape of a token secret (checked before any database lookup). */
export function looksLikeApiToken(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const columns = {
  id: true,
  userId: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

function toRow(row: Omit<ApiTokenRow, "scopes"> & { scopes: string[] }): ApiTokenRow {
  // A scope this version does not know (written by a newer one) grants nothing here.
  const scopes = row.scopes.flatMap((scope) => {
    const parsed = ApiScope.safeParse(scope);
    return parsed.success ? [parsed.data] : [];
  });
  return { ...row, scopes };
}

export async function insertApiToken(input: {
  userId: string;
  name: string;
  scopes: readonly ApiScope[];
  expiresAt?: Date | null;
}): Promise<{ token: ApiTokenRow; secret: string }> {
  const scopes = [...new Set(input.scopes.map((scope) => ApiScope.parse(scope)))];
  if (scopes.length === 0) throw new Error("an API token needs at least one scope");
  const secret = `bpl_${randomBytes(32).toString("base64url")}`;
  const row = await (await prisma()).apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, PREFIX_LENGTH),
      scopes,
      expiresAt: input.expiresAt ?? null,
    },
    select: columns,
  });
  return { token: toRow(row), secret };
}

/** The live token with this secret (and records its use), or null. */
export async function selectActiveApiTokenBySecret(secret: string, now = new Date()): Promise<ApiTokenRow | null> {
  if (!looksLikeApiToken(secret)) return null;
  const client = await prisma();
  const row = await client.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) }, select: columns });
  if (row === null || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) return null;
  await client.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return toRow({ ...row, lastUsedAt: now });
}

export async function selectApiTokenById(id: string): Promise<ApiTokenRow | null> {
  const row = await (await prisma()).apiToken.findUnique({ where: { id }, select: columns });
  return row === null ? null : toRow(row);
}

/** The user's tokens, newest first, revoked ones included (they show as revoked). */
export async function selectApiTokensByUser(userId: string): Promise<ApiTokenRow[]> {
  const rows = await (await prisma()).apiToken.findMany({ where: { userId }, select: columns, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map(toRow);
}

/** Revokes a live token; false when there is no such token or it was already revoked. */
export async function revokeApiToken(id: string, now = new Date()): Promise<boolean> {
  const { count } = await (await prisma()).apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return count > 0;
}
