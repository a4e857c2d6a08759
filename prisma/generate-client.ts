// `npm run postinstall`: generates the Prisma client into lib/generated/prisma.
// `prisma generate` never runs the native schema engine, but the CLI tries to download it when
// PRISMA_SCHEMA_ENGINE_BINARY is unset; pointing it at any executable keeps install offline.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate", "--config", "prisma/prisma.config.ts"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
});
process.exitCode = result.status ?? 1;
