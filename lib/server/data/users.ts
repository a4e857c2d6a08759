// Data access for users (the `users` table). better-auth creates users and reads them for
// sessions; this module is everything else the product does with them: look one up, change a
// role. Edit this file to add a query on users.
import type { Role } from "../../generated/prisma/client";
import { prisma } from "../db.server";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
}

const columns = { id: true, name: true, email: true, role: true, createdAt: true } as const;

/** Emails are stored lower-case by better-auth; the lookup ignores case the same way. */
export async function selectUserByEmail(email: string): Promise<UserRow | null> {
  return (await prisma()).user.findUnique({ where: { email: email.trim().toLowerCase() }, select: columns });
}

export async function selectUserById(id: string): Promise<UserRow | null> {
  return (await prisma()).user.findUnique({ where: { id }, select: columns });
}

/**
 * Sets a user's role; null when there is no such user, "last-admin" (and nothing changed) when that
 * would leave the site without an admin. The admins' rows are locked first, so two admins
 * demoting each other at the same moment cannot both succeed.
 */
export async function updateUserRole(id: string, role: Role): Promise<UserRow | null | "last-admin"> {
  return (await prisma()).$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`;
    if (role !== "admin" && admins.length === 1 && admins[0]?.id === id) return "last-admin";
    const { count } = await tx.user.updateMany({ where: { id }, data: { role } });
    if (count === 0) return null;
    return tx.user.findUnique({ where: { id }, select: columns });
  });
}
