// A grading worker process for server mode: `npx tsx lib/server/grading-worker.ts` (any number
// of them, on any machine that reaches the PostgreSQL server). Each claims queued submissions
// with SKIP LOCKED, so they share the work without coordination. Set BACKPROP_GRADING_IN_WEB=0
// on the web processes when workers do all the grading. See docs/scaling.md.
import { closeDatabase } from "./db.server";
import { serverEnv } from "./env.server";
import { getGradingQueue } from "./grading-queue.server";
import { prepareDatabase } from "./startup.server";

async function main(): Promise<void> {
  if (serverEnv().DATABASE_URL === undefined) {
    throw new Error("A separate grading worker needs PostgreSQL (DATABASE_URL); the embedded database grades inside the web process.");
  }
  await prepareDatabase();
  const queue = getGradingQueue();
  await queue.start();
  process.stdout.write(`grading worker ${process.pid}: running with concurrency ${serverEnv().BACKPROP_GRADING_CONCURRENCY}\n`);
  const shutdown = () => {
    process.stdout.write(`grading worker ${process.pid}: finishing the submissions in progress\n`);
    void queue.stop().then(closeDatabase).then(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`grading worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
