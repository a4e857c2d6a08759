// Next.js start-up hook: validates the environment, migrates the database and starts the
// grading queue runner in the Node.js server process. Never in the edge runtime: the import sits
// inside the NEXT_RUNTIME test so the bundler drops it from the edge build. Never during
// `next build`, whose workers must not open the embedded database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startWebServer } = await import("./lib/server/startup.server");
    await startWebServer();
  }
}
