// Applies prisma/migrations to the database without Prisma's native schema engine (which cannot
// be installed everywhere, and never inside PGlite). It keeps Prisma Migrate's own bookkeeping
// (`_prisma_migrations`, sha256 checksums of migration.sql) so `prisma migrate deploy` and this
// runner agree about what is applied, and takes the same advisory lock as Prisma so several
// processes starting at once apply each migration exactly once. See docs/decisions/001-database.md.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { SqlDriver } from "./db.server";

/** The advisory-lock key Prisma Migrate itself uses, so the two never run at the same time. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function defaultMigrationsDirectory(): string {
  return path.resolve(process.cwd(), "prisma", "migrations");
}

export function readMigrations(directory: string = defaultMigrationsDirectory()): Migration[] {
  if (!existsSync(directory)) throw new Error(`No migrations folder at ${directory}`);
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(directory, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

// Prisma Migrate's table, column for column.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies every migration not yet recorded as finished, each in its own transaction.
 * Refuses to continue when an applied migration's file was edited or a migration failed
 * half-way, as `prisma migrate deploy` does: both need a person to look.
 */
export async function applyMigrations(driver: SqlDriver, migrations: Migration[] = readMigrations()): Promise<MigrationReport> {
  return driver.withAdvisoryLock(PRISMA_MIGRATE_LOCK_KEY, async (sql) => {
    await sql.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await sql.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const live = rows.filter((row) => row.rolled_back_at === null);
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const record = live.find((row) => row.migration_name === migration.name);
      if (record !== undefined && record.finished_at === null) {
        throw new Error(
          `Migration ${migration.name} failed earlier and is marked as started but not finished; ` +
            `fix the database by hand, then mark it rolled back (prisma migrate resolve --rolled-back ${migration.name}).`,
        );
      }
      if (record !== undefined) {
        if (record.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs); add a new migration instead.`);
        }
        report.alreadyApplied.push(migration.name);
        continue;
      }
      const id = randomUUID();
      await sql.exec("BEGIN");
      try {
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        await sql.exec(migration.sql);
        await sql.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await sql.exec("COMMIT");
      } catch (error) {
        await sql.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      report.applied.push(migration.name);
    }
    return report;
  });
}
