// A fresh, migrated database for one test file. `BACKPROP_TEST_DB=pg` (npm run test:pg) runs the
// same tests against the real PostgreSQL in a throw-away schema; the default is an in-memory
// PGlite. Used by the tests of lib/server, app/api and tests/authz; never by the product.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { openEmbeddedDatabase, openServerDatabase, useDatabase, type Database } from "./db.server";
import { applyMigrations } from "./migrate.server";

export function testDatabaseMode(): "pglite" | "pg" {
  return process.env.BACKPROP_TEST_DB === "pg" ? "pg" : "pglite";
}

export function testPostgresUrl(): string {
  return process.env.BACKPROP_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
}

/** Opens a migrated database, installs it as the process database, and returns it. */
export async function openTestDatabase(): Promise<Database> {
  const database = testDatabaseMode() === "pg" ? await openPostgresTestSchema() : await openEmbeddedDatabase(undefined);
  await applyMigrations(database.sql);
  useDatabase(database);
  return database;
}

async function openPostgresTestSchema(): Promise<Database> {
  const url = testPostgresUrl();
  const schema = `test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const database = openServerDatabase(url, schema);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA "${schema}" CASCADE`);
      await dropper.end();
    },
  };
}
