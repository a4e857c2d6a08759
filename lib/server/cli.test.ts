// The server CLI in-process against an embedded database in a temporary folder. Backup and
// restore exist for the embedded database only, so this file runs in PGlite mode in both runs.
import { mkdtempSync, rmSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runServerCli, type CliIO } from "./cli";
import { reloadServerEnv } from "./env.server";

let folder: string;
const savedEnv = { dataDir: process.env.BACKPROP_DATA_DIR, url: process.env.DATABASE_URL };

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "backprop-cli-"));
  process.env.BACKPROP_DATA_DIR = path.join(folder, "data");
  delete process.env.DATABASE_URL;
  reloadServerEnv();
});
afterAll(() => {
  if (savedEnv.dataDir === undefined) delete process.env.BACKPROP_DATA_DIR;
  else process.env.BACKPROP_DATA_DIR = savedEnv.dataDir;
  if (savedEnv.url !== undefined) process.env.DATABASE_URL = savedEnv.url;
  reloadServerEnv();
  rmSync(folder, { recursive: true, force: true });
});

async function lab(argv: string[], password = "correct-horse-1"): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readSecret: () => Promise.resolve(password) };
  const code = await runServerCli(argv, io);
  return { code, out, err };
}

// Every command opens the persisted PGlite folder afresh (seconds each on a busy machine).
describe("lab db / user / token", { timeout: 180_000 }, () => {
  it("migrates, then reports the database up to date", async () => {
    expect((await lab(["db", "migrate"])).out).toBe("applied: 20261128000000_init, 20261203170000_grading_leases_idempotency\n");
    expect(await lab(["db", "migrate"])).toEqual({ code: 0, out: "database is up to date\n", err: "" });
  });

  it("creates a user with a role and promotes them", async () => {
    const created = await lab(["user", "create", "--email", "ta@example.org", "--role", "instructor"]);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^created instructor ta@example.org/);
    expect((await lab(["user", "create", "--email", "ta@example.org", "--role", "learner"])).code).toBe(1);
    expect(await lab(["user", "promote", "--email", "ta@example.org", "--role", "admin"])).toMatchObject({ code: 0, out: "ta@example.org is now admin\n" });
    const demoted = await lab(["user", "promote", "--email", "ta@example.org", "--role", "learner"]);
    expect(demoted.code).toBe(1);
    expect(demoted.err).toContain("the only admin");
  });

  it("creates and revokes a token", async () => {
    const created = await lab(["token", "create", "--email", "ta@example.org", "--scopes", "submissions:write,submissions:read"]);
    expect(created.code).toBe(0);
    const id = /^token (\S+) for/.exec(created.out)?.[1] ?? "";
    expect(created.out).toMatch(/\nbpl_[A-Za-z0-9_-]{43}\n$/);
    expect((await lab(["token", "revoke", id])).code).toBe(0);
    expect((await lab(["token", "revoke", id])).code).toBe(1);
  });

  it("answers usage errors with exit code 2 and the usage", async () => {
    for (const argv of [
      ["db"],
      ["db", "frobnicate"],
      ["user", "create", "--email", "x@example.org"],
      ["user", "create", "--email", "not-an-email", "--role", "learner"],
      ["user", "promote", "--email", "ta@example.org", "--role", "root"],
      ["token", "create", "--email", "ta@example.org", "--scopes", "everything"],
      ["token", "revoke"],
      ["db", "migrate", "--force"],
    ]) {
      const result = await lab(argv);
      expect(result.code, argv.join(" ")).toBe(2);
      expect(result.err).toContain("usage:");
    }
    expect((await lab(["user", "create", "--email", "short@example.org", "--role", "learner"], "short")).code).toBe(2);
  });

  it("backs up and restores the embedded database, keeping the replaced one", async () => {
    const backup = path.join(folder, "backup.tar.gz");
    expect((await lab(["db", "backup", backup])).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    expect((await lab(["user", "create", "--email", "after-backup@example.org", "--role", "learner"])).code).toBe(0);
    const restored = await lab(["db", "restore", backup]);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain("the previous database is kept in");
    expect(readdirSync(path.join(folder, "data")).some((name) => name.startsWith("pglite.before-restore-"))).toBe(true);
    // The restored database has the users of the backup and not the one created after it.
    // ta is the only admin (so it stays one): promoting to the same role shows the user exists.
    expect((await lab(["user", "promote", "--email", "ta@example.org", "--role", "admin"])).code).toBe(0);
    expect((await lab(["user", "promote", "--email", "after-backup@example.org", "--role", "admin"])).err).toContain("no user with the email");
  });

  it("seeds the demo accounts once", async () => {
    expect((await lab(["db", "seed"])).out).toMatch(/^created instructor@backprop.local, learner@backprop.local/);
    expect((await lab(["db", "seed"])).out).toBe("demo accounts already exist\n");
  });
});
