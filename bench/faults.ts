// `npm run bench:faults`: a bounded load-and-fault test of server mode on the local PostgreSQL
// (127.0.0.1:5432, trust auth; BACKPROP_FAULTS_DATABASE_URL to change it). It creates a
// throw-away database, starts two `next start` web processes (production build: `npm run build`
// first) and two grading workers, sends a burst of submissions from many users through both
// web processes (Idempotency-Key, retried on the other web process when a connection fails),
// and mid-burst kills (SIGKILL) one grading worker, one web process and one sandbox child of
// the other worker. It prints how many accepted submissions were lost, stored twice or graded
// twice, and how long the killed worker's rows stayed claimed. Every process it starts is
// detached in its own process group and killed with its group at the end, also on failure; the
// database is dropped. Loopback only. Figures go to docs/scaling.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const ADMIN_URL = process.env.BACKPROP_FAULTS_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const USERS = Number(process.env.FAULTS_USERS ?? 24);
const PER_USER = Number(process.env.FAULTS_PER_USER ?? 5);
/** Every fifth submission spins ~150 ms per call: long enough to be running when a process dies. */
const SLOW_EVERY = 5;
const DEADLINE_MS = 300_000;

const SIGMOID = `import * as np from "np";
export function sigmoid(z: np.NDArray): np.NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(z))));
}`;
const SLOW_SIGMOID = `import * as np from "np";
export function sigmoid(z: np.NDArray): np.NDArray {
  const until = Date.now() + 150;
  while (Date.now() < until) { /* slow but legal */ }
  return np.divide(1, np.add(1, np.exp(np.negative(z))));
}`;

interface Started {
  name: string;
  child: ChildProcess;
  log: string;
}
const started: Started[] = [];
const workDir = mkdtempSync(path.join(tmpdir(), "backprop-faults-"));

function startDetached(name: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const log = path.join(workDir, `${name}.log`);
  const out = openSync(log, "a");
  // Own process group (detached): killing -pid takes the process and every child it forked.
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", out, out] });
  const entry = { name, child, log };
  started.push(entry);
  return entry;
}

function killGroup(entry: Started): void {
  if (entry.child.pid === undefined) return;
  try {
    process.kill(-entry.child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, entry?: Started): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (entry !== undefined && entry.child.exitCode !== null) throw new Error(`${entry.name} exited: ${readFileSync(entry.log, "utf8").slice(-2000)}`);
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Children of a process (the sandbox workers a grading worker forked). */
function childPids(pid: number): number[] {
  const listed = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  return listed.stdout.split("\n").map((line) => Number(line.trim())).filter((n) => n > 0);
}

/** CPU ticks a process has used (utime + stime), or -1 when it is gone. */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return -1;
  }
}

/** A sandbox child of `workerPid` that is using CPU now (running a job), waiting up to `timeoutMs`. */
async function busySandbox(workerPid: number, timeoutMs: number): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const children = childPids(workerPid);
    const before = children.map(cpuTicks);
    await sleep(100);
    const busy = children.find((pid, i) => cpuTicks(pid) - (before[i] ?? 0) >= 5);
    if (busy !== undefined) return busy;
  }
  return undefined;
}

interface Outcome {
  userIndex: number;
  key: string;
  code: string;
  id: string | null;
  status: number | null;
  tries: number;
  replayed: boolean;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const url = new URL(ADMIN_URL);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) throw new Error("the fault bench runs on a loopback PostgreSQL only");
  const dbName = `backprop_faults_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: "faults-bench-only-secret-0123456789abcdefghijklmnop",
      BACKPROP_DATA_DIR: workDir,
      BACKPROP_GRADING_CONCURRENCY: "2",
    };
    // Users and API tokens, made in this process through the app's own modules.
    Object.assign(process.env, { DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET, BACKPROP_DATA_DIR: workDir });
    const { prepareDatabase } = await import("../lib/server/startup.server");
    const { closeDatabase } = await import("../lib/server/db.server");
    const { createUser, createApiToken } = await import("../tests/factories");
    await prepareDatabase();
    const tokens: string[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const { user } = await createUser({ email: `faults-${i}@bench.local` });
      tokens.push((await createApiToken(user.id, ["submissions:write", "submissions:read"])).secret);
    }
    await closeDatabase();
    await db.connect();

    const ports = [await freePort(), await freePort()];
    const webs = ports.map((port, i) =>
      startDetached(`web-${i}`, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
        ...env,
        BACKPROP_GRADING_IN_WEB: "0",
        BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      }),
    );
    // `node --import tsx` (not the tsx CLI, which forks): the pid is the worker's own, as in its leases.
    const workers = [0, 1].map((i) => startDetached(`worker-${i}`, ["--import", "tsx", "lib/server/grading-worker.ts"], env));
    for (const [i, web] of webs.entries()) {
      await waitFor(`web-${i}`, async () => (await fetch(`http://127.0.0.1:${ports[i]}/api/v1/exercises`)).ok, 120_000, web);
    }
    for (const [i, worker] of workers.entries()) {
      await waitFor(`worker-${i}`, () => Promise.resolve(readFileSync(worker.log, "utf8").includes("running with concurrency")), 60_000, worker);
    }
    process.stdout.write(`faults: ${USERS} users × ${PER_USER} submissions, 2 web processes, 2 grading workers (lease 20 s, heartbeat 5 s)\n`);

    const alive = [true, true];
    const post = async (userIndex: number, key: string, code: string): Promise<Outcome> => {
      const outcome: Outcome = { userIndex, key, code, id: null, status: null, tries: 0, replayed: false };
      for (let attempt = 0; attempt < 6; attempt += 1) {
        // Alternate web processes; after a failure the retry goes to the other one.
        const target = (userIndex + attempt) % 2;
        if (!alive[target] && alive[1 - target]) continue;
        outcome.tries += 1;
        try {
          const response = await fetch(`http://127.0.0.1:${ports[target]}/api/v1/submissions`, {
            method: "POST",
            headers: { authorization: `Bearer ${tokens[userIndex]}`, "content-type": "application/json", "idempotency-key": key },
            body: JSON.stringify({ exerciseId: "sigmoid", code, locale: "en" }),
            signal: AbortSignal.timeout(20_000),
          });
          outcome.status = response.status;
          if (response.status === 200 || response.status === 202) {
            outcome.id = ((await response.json()) as { id: string }).id;
            outcome.replayed = response.status === 200;
            return outcome;
          }
          if (response.status < 500) return outcome;
        } catch {
          // Connection refused or reset: retry with the same key.
        }
        await sleep(200 * (attempt + 1));
      }
      return outcome;
    };

    // The burst: every user submits PER_USER times, spread over ~6 s, all at once per wave.
    const total = USERS * PER_USER;
    const pending: Promise<Outcome>[] = [];
    let sent = 0;
    const burstStart = Date.now();
    const faults: Record<string, number> = {};
    let deadWorkerRows: { id: string; owner: string }[] = [];
    let workerKilledAt = 0;
    for (let wave = 0; wave < PER_USER; wave += 1) {
      for (let u = 0; u < USERS; u += 1) {
        const n = sent;
        sent += 1;
        const code = `${n % SLOW_EVERY === 0 ? SLOW_SIGMOID : SIGMOID}\n// submission ${n} of user ${u}\n`;
        pending.push(post(u, `burst-${n}`, code));
      }
      if (wave === 1) {
        // Fault 1: SIGKILL a grading worker (and its sandbox children) while it grades.
        await waitFor(
          "worker-0 to hold running rows",
          async () => (await db.query("SELECT 1 FROM submissions WHERE status = 'running' AND lease_owner LIKE $1", [`%:${workers[0]?.child.pid}:%`])).rowCount! > 0,
          60_000,
        );
        const pid = workers[0]?.child.pid ?? 0;
        const rows = await db.query<{ id: string; lease_owner: string }>("SELECT id, lease_owner FROM submissions WHERE status = 'running' AND lease_owner LIKE $1", [`%:${pid}:%`]);
        deadWorkerRows = rows.rows.map((row) => ({ id: row.id, owner: row.lease_owner }));
        workerKilledAt = Date.now();
        if (workers[0] !== undefined) killGroup(workers[0]);
        faults.workerKilledAfterMs = workerKilledAt - burstStart;
      }
      if (wave === 2) {
        // Fault 2: SIGKILL a web process; its clients retry on the other one with the same key.
        alive[0] = false;
        if (webs[0] !== undefined) killGroup(webs[0]);
        faults.webKilledAfterMs = Date.now() - burstStart;
      }
      if (wave === 3) {
        // Fault 3: SIGKILL a sandbox child of the surviving worker while it runs slow learner code.
        const survivor = workers[1]?.child.pid ?? 0;
        await waitFor(
          "worker-1 to grade a slow submission",
          async () =>
            (await db.query("SELECT 1 FROM submissions WHERE status = 'running' AND lease_owner LIKE $1 AND code LIKE '%slow but legal%'", [`%:${survivor}:%`]))
              .rowCount! > 0,
          60_000,
        );
        const victim = await busySandbox(survivor, 15_000);
        if (victim !== undefined) {
          process.kill(victim, "SIGKILL");
          faults.sandboxKilledAfterMs = Date.now() - burstStart;
        }
      }
      await sleep(1200);
    }
    const outcomes = await Promise.all(pending);
    const burstMs = Date.now() - burstStart;

    // Recovery: until no row is held by a claim of the killed worker.
    let recoveryMs = Number.NaN;
    if (deadWorkerRows.length > 0) {
      await waitFor(
        "the killed worker's rows to be reclaimed",
        async () => {
          const held = await db.query("SELECT 1 FROM submissions WHERE status = 'running' AND lease_owner = ANY($1::text[])", [deadWorkerRows.map((r) => r.owner)]);
          return held.rowCount === 0;
        },
        120_000,
      );
      recoveryMs = Date.now() - workerKilledAt;
    }

    const accepted = outcomes.filter((o) => o.id !== null);
    const ids = [...new Set(accepted.map((o) => o.id as string))];
    await waitFor(
      "every accepted submission to be graded",
      async () => (await db.query("SELECT 1 FROM submissions WHERE id = ANY($1::text[]) AND status IN ('queued', 'running')", [ids])).rowCount === 0,
      DEADLINE_MS - (Date.now() - burstStart),
    );
    const gradedMs = Date.now() - burstStart;

    const rows = (
      await db.query<{ id: string; user_id: string; code: string; status: string; grading_runs: number; attempt: number | null; verdict_status: string | null; error_reason: string | null }>(
        "SELECT id, user_id, code, status, grading_runs, attempt, verdict->>'status' AS verdict_status, error_reason FROM submissions",
      )
    ).rows;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const lost = ids.filter((id) => !["done", "error"].includes(byId.get(id)?.status ?? "missing")).length;
    const neverAnswered = outcomes.filter((o) => o.id === null && (o.status === null || o.status >= 500));
    // A submission whose client got no answer may still have been stored; it is lost only if not.
    const unansweredLost = neverAnswered.filter((o) => !rows.some((row) => row.code === o.code)).length;
    const copies = new Map<string, number>();
    for (const row of rows) copies.set(row.code, (copies.get(row.code) ?? 0) + 1);
    const storedTwice = [...copies.values()].filter((n) => n > 1).length;
    // Two verdicts for one submission would count two attempts in progress for one row.
    const progress = (await db.query<{ user_id: string; attempts: number }>("SELECT user_id, attempts FROM progress WHERE exercise_id = 'sigmoid'")).rows;
    const doneByUser = new Map<string, number>();
    for (const row of rows) if (row.status === "done") doneByUser.set(row.user_id, (doneByUser.get(row.user_id) ?? 0) + 1);
    const gradedTwice = progress.filter((p) => p.attempts !== (doneByUser.get(p.user_id) ?? 0)).length;
    const regraded = rows.filter((row) => row.grading_runs > 1).length;
    const statuses = new Map<string, number>();
    for (const row of rows) {
      const key = row.status === "done" ? `done/${row.verdict_status ?? "?"}` : `${row.status}${row.error_reason ? ` (${row.error_reason.slice(0, 60)})` : ""}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    const refused = outcomes.filter((o) => o.id === null && o.status !== null && o.status < 500);

    const figures = {
      submissions: total,
      accepted: ids.length,
      replayedByIdempotencyKey: accepted.filter((o) => o.replayed).length,
      retriedRequests: outcomes.filter((o) => o.tries > 1).length,
      refused: refused.map((o) => o.status),
      lost: lost + unansweredLost,
      storedTwice,
      gradedTwice,
      regradedAfterInterruption: regraded,
      killedWorkerRunningRows: deadWorkerRows.length,
      killedWorkerRecoveryMs: recoveryMs,
      burstMs,
      allGradedMs: gradedMs,
      faults,
      finalStatuses: Object.fromEntries(statuses),
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(
      `faults: lost ${figures.lost}, stored twice ${storedTwice}, graded twice ${gradedTwice}; ` +
        `killed worker's ${deadWorkerRows.length} running rows reclaimed ${(recoveryMs / 1000).toFixed(1)} s after the kill; ` +
        `all ${ids.length} accepted submissions graded ${(gradedMs / 1000).toFixed(1)} s after the burst began\n`,
    );
    if (figures.lost !== 0 || storedTwice !== 0 || gradedTwice !== 0) process.exitCode = 1;
  } finally {
    for (const entry of started) killGroup(entry);
    await Promise.all(
      started.map((entry) =>
        entry.child.exitCode !== null || entry.child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => entry.child.once("exit", () => resolve())),
      ),
    );
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((error: unknown) => process.stderr.write(`faults: could not drop ${dbName}: ${String(error)}\n`));
    await admin.end();
    if (process.env.FAULTS_KEEP_LOGS === "1") process.stdout.write(`faults: logs in ${workDir}\n`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const entry of started) killGroup(entry);
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`faults: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
