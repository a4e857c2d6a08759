// Builds the site when the build is missing or older than the sources, starts the production
// server (`npm start`: bin/serve.ts, next start with the client address taken from the socket) on a
// free port with a fresh temporary BACKPROP_DATA_DIR, hands the URL to the specs and stops the
// server (and removes the data) at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
/** The arguments of `npm start` after `node`. */
export const SERVE_ARGS = ["--import", "tsx", path.join(ROOT, "bin/serve.ts")];

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const entry of spawnSync("git", ["ls-files", d], { cwd: ROOT, encoding: "utf8" }).stdout.split("\n")) {
      if (entry === "") continue;
      const file = path.join(ROOT, entry);
      if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...["app", "lib", "grader", "messages", "next.config.ts"].map(newestSource));
  if (built > sources && process.env.E2E_REBUILD !== "1") return;
  // E2E_REUSE_BUILD=1 runs against an existing build even if sources changed since (quick reruns).
  if (built > 0 && process.env.E2E_REUSE_BUILD === "1") return;
  // webpack, not Turbopack: see docs/decisions/005-site.md (grader/exercise/load.ts and new URL).
  const result = spawnSync(process.execPath, [NEXT_BIN, "build", "--webpack"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function waitUntilUp(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      // The catalog opens the database and runs migrations: wait for a real page, not just the port.
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not start in 120 s");
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildIfNeeded();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "backprop-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...SERVE_ARGS, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      BACKPROP_DATA_DIR: dataDir,
      BETTER_AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      BETTER_AUTH_URL: baseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  try {
    await waitUntilUp(baseUrl, server);
  } catch (error) {
    server.kill("SIGTERM");
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log.slice(-4000)}`);
  }
  project.provide("baseUrl", baseUrl);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r).once("error", r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
