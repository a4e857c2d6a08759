// `npm run bench`: runs every bench/*.bench.ts in its own process, one after another, so each
// benchmark has the machine to itself. Pass names to run a subset: `npm run bench -- train`.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();

if (benches.length === 0) {
  process.stderr.write(`bench: no benchmark matches ${wanted.join(", ")}\n`);
  process.exit(2);
}

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, name)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed += 1;
    process.stdout.write(`${name} exited with ${result.status ?? result.signal}\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
