// Builds, once per host process, the two artefacts the pool needs: the isolate runtime (np + the
// trusted bootstrap, one IIFE string that every isolate evaluates first) and the worker itself as a bundled
// .mjs in node_modules/.cache, so workers start with plain `node` (no tsx loader) whether the host
// is vitest, tsx or a Next.js production server started from the repository root.
// Edit when a sandbox source file moves.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SANDBOX_DIR = join("grader", "sandbox");

/** The repository root: found from this file when run from source, else from the working directory (Next.js bundles). */
export function findRepositoryRoot(): string {
  const starts: string[] = [];
  if (import.meta.url.startsWith("file:")) starts.push(dirname(fileURLToPath(import.meta.url)));
  starts.push(process.cwd());
  for (const start of starts) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, SANDBOX_DIR, "worker.ts"))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`sandbox: cannot find ${SANDBOX_DIR}/worker.ts above ${starts.join(" or ")}`);
}

let runtimeBundle: Promise<string> | undefined;

/** np plus the isolate bootstrap as one script (no imports, no Node APIs). */
export function buildRuntimeBundle(): Promise<string> {
  runtimeBundle ??= (async () => {
    const root = findRepositoryRoot();
    const result = await build({
      entryPoints: [join(root, SANDBOX_DIR, "isolate-runtime.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "neutral",
      target: "es2022",
      logLevel: "silent",
    });
    const file = result.outputFiles[0];
    if (file === undefined) throw new Error("sandbox: esbuild produced no runtime bundle");
    return file.text;
  })();
  runtimeBundle.catch(() => {
    runtimeBundle = undefined;
  });
  return runtimeBundle;
}

let workerScript: Promise<string> | undefined;

/** Path of the bundled worker (.mjs), rebuilt when its sources change (named by content hash). */
export function buildWorkerScript(): Promise<string> {
  workerScript ??= (async () => {
    const root = findRepositoryRoot();
    const result = await build({
      entryPoints: [join(root, SANDBOX_DIR, "worker.ts")],
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      // Native addon and esbuild's binary service: resolved from the repository's node_modules,
      // next to the cached bundle.
      external: ["isolated-vm", "esbuild"],
      minify: true,
      logLevel: "silent",
    });
    const file = result.outputFiles[0];
    if (file === undefined) throw new Error("sandbox: esbuild produced no worker bundle");
    const hash = createHash("sha256").update(file.text).digest("hex").slice(0, 16);
    const dir = join(root, "node_modules", ".cache", "backprop-lab-sandbox");
    const path = join(dir, `worker-${hash}.mjs`);
    if (!existsSync(path)) {
      mkdirSync(dir, { recursive: true });
      // Write then rename: another host process may be building the same file right now.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, file.text);
      renameSync(temporary, path);
    }
    return path;
  })();
  workerScript.catch(() => {
    workerScript = undefined;
  });
  return workerScript;
}
