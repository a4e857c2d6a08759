// The np typings (grader/np/np.d.ts, generated and committed) for Monaco's IntelliSense, read once.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

let cached: string | null = null;

export function readNpTypings(): string {
  // The server runs from the repository root (next start); the file ships with the repository.
  cached ??= readFileSync(path.join(process.cwd(), "grader", "np", "np.d.ts"), "utf8");
  return cached;
}
