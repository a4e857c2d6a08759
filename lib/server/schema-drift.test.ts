// The hand-written migrations must create exactly what prisma/schema.prisma describes (there is
// no Prisma schema engine here to diff them, docs/decisions/001-database.md). This test reads
// the schema's models and compares every table, column and NULL-ability with the migrated
// database, in PGlite and in PostgreSQL.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./db.server";
import { openTestDatabase } from "./test-database";

interface Column {
  table: string;
  column: string;
  nullable: boolean;
}

/** Scalar columns of every model: field name or @map, nullable when optional or a list. */
function columnsFromSchema(source: string): Column[] {
  const enums = new Set([...source.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]));
  const modelNames = new Set([...source.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]));
  const columns: Column[] = [];
  for (const [, name = "", body = ""] of source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    for (const line of body.split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (field === null) continue;
      const [, fieldName = "", type = "", list, optional, rest = ""] = field;
      if (modelNames.has(type)) continue; // a relation, not a column
      if (!enums.has(type) && !["String", "Boolean", "Int", "BigInt", "Float", "DateTime", "Json"].includes(type)) continue;
      const column = /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? fieldName;
      columns.push({ table, column, nullable: optional !== undefined || list !== undefined });
    }
  }
  return columns;
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("migrations versus prisma/schema.prisma", () => {
  it("create every table and column of the schema with the same NULL-ability, and nothing else", async () => {
    const expected = columnsFromSchema(readFileSync("prisma/schema.prisma", "utf8"));
    expect(expected.length).toBeGreaterThan(60);
    const actual = await database.sql.query<{ table: string; column: string; nullable: string }>(
      `SELECT table_name AS "table", column_name AS "column", is_nullable AS nullable
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
    );
    const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
    const sorted = <T extends { table: string; column: string }>(list: T[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(actual.map((c) => ({ table: c.table, column: c.column, nullable: c.nullable === "YES" })))).toEqual(sorted(expected));
  });
});
