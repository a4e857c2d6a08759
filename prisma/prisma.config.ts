// Prisma CLI configuration (Prisma 7). Used by `prisma generate` (npm postinstall) and, where
// Prisma's native schema engine is available, by `prisma migrate deploy`. The application
// itself never reads this file: it connects through lib/server/db.server.ts.
// Run the CLI with `--config prisma/prisma.config.ts`.
import path from "node:path";
import { defineConfig } from "prisma/config";

const here = import.meta.dirname;

export default defineConfig({
  schema: path.join(here, "schema.prisma"),
  migrations: { path: path.join(here, "migrations"), seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/backprop" },
});
