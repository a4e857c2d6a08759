// Next.js start-up hook: validates the environment, migrates the database and starts the
// grading queue runner in the Node.js server process (never in the edge runtime, never during
// `next build`, whose workers must not open the embedded database).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startWebServer } = await import("./lib/server/startup.server");
  await startWebServer();
}
