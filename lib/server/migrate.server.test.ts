import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./db.server";
import { applyMigrations, readMigrations } from "./migrate.server";
import { openTestDatabase } from "./test-database";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("applyMigrations", () => {
  it("records every migration in Prisma's table with the sha256 of its file", async () => {
    const rows = await database.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const migrations = readMigrations();
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const migration of migrations) {
      const file = readFileSync(path.join("prisma", "migrations", migration.name, "migration.sql"));
      const row = rows.find((r) => r.migration_name === migration.name);
      expect(row?.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row?.finished_at).toBeInstanceOf(Date);
      expect(row?.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    const report = await applyMigrations(database.sql);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(readMigrations().map((m) => m.name));
  });

  it("applies each migration once when several runners start at once", async () => {
    const extra = { name: "99990101000000_probe", sql: `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY)`, checksum: "a".repeat(64) };
    const reports = await Promise.all([0, 1, 2].map(() => applyMigrations(database.sql, [...readMigrations(), extra])));
    expect(reports.filter((r) => r.applied.includes(extra.name))).toHaveLength(1);
    const rows = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1`, [extra.name]);
    expect(rows[0]?.n).toBe(1);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const [first, ...rest] = readMigrations();
    if (first === undefined) throw new Error("no migrations");
    await expect(applyMigrations(database.sql, [{ ...first, checksum: "0".repeat(64) }, ...rest])).rejects.toThrow(/edited after it was applied/);
  });

  it("rolls back a failing migration and records nothing", async () => {
    const broken = { name: "99990102000000_broken", sql: `CREATE TABLE "half" ("id" INTEGER); SELECT * FROM "no_such_table"`, checksum: "b".repeat(64) };
    await expect(applyMigrations(database.sql, [broken])).rejects.toThrow(/99990102000000_broken failed/);
    const tables = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half'`);
    expect(tables[0]?.n).toBe(0);
    const rows = await database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
    expect(rows[0]?.n).toBe(0);
  });

  it("creates the tables the Prisma client uses", async () => {
    const user = await database.prisma.user.create({ data: { id: "u1", name: "Ada", email: "ada@example.org", role: "instructor" } });
    expect(user.role).toBe("instructor");
    const token = await database.prisma.apiToken.create({ data: { userId: "u1", name: "ci", tokenHash: "h", prefix: "bpl_x", scopes: ["submissions:write"] } });
    expect(token.scopes).toEqual(["submissions:write"]);
  });
});
