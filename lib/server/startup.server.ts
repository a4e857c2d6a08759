// What a server process does before serving: open the database, apply pending migrations
// (safe when several processes start at once), and start the grading queue runner when this
// process should grade. Called from instrumentation.ts (web) and lib/server/grading-worker.ts.
import { getDatabase } from "./db.server";
import { serverEnv } from "./env.server";
import { getGradingQueue } from "./grading-queue.server";
import { applyMigrations } from "./migrate.server";

export async function prepareDatabase(): Promise<void> {
  const database = await getDatabase();
  const report = await applyMigrations(database.sql);
  if (report.applied.length > 0) console.warn(`database: applied migrations ${report.applied.join(", ")}`);
}

export async function startWebServer(): Promise<void> {
  serverEnv();
  await prepareDatabase();
  if (serverEnv().BACKPROP_GRADING_IN_WEB) await getGradingQueue().start();
}
