// The server half of the `lab` command line (bin/lab.ts routes `db`, `user` and `token` here):
//   db migrate | db seed | db backup <file> | db restore <file>
//   user create --email E --role learner|instructor|admin [--name N]   (password on stdin or prompt)
//   user promote --email E --role learner|instructor|admin
//   token create --email E --scopes a,b [--name N] [--expires-in-days D] | token revoke <id>
// Exit codes: 0 done, 1 the operation failed, 2 usage error. Edit to add a command.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { z } from "zod";
import { getAuth, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, Role } from "./auth.server";
import { ApiScope, insertApiToken, revokeApiToken } from "./data/api-tokens";
import { selectUserByEmail, updateUserRole } from "./data/users";
import { closeDatabase, getDatabase, lockDataDirectory } from "./db.server";
import { dataDirectory, serverEnv } from "./env.server";
import { applyMigrations } from "./migrate.server";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads the password: piped stdin, or a prompt on a terminal. */
  readSecret: (prompt: string) => Promise<string>;
}

const USAGE = `usage:
  lab db migrate
  lab db seed
  lab db backup <file.tar.gz>        (embedded database only; PostgreSQL: pg_dump, see docs/scaling.md)
  lab db restore <file.tar.gz>       (embedded database only; the current data folder is kept aside)
  lab user create --email <email> --role learner|instructor|admin [--name <name>]   (password from stdin or a prompt)
  lab user promote --email <email> --role learner|instructor|admin
  lab token create --email <email> --scopes <scope,scope> [--name <name>] [--expires-in-days <n>]
  lab token revoke <token-id>
scopes: ${ApiScope.options.join(", ")}
`;

class UsageError extends Error {}

export async function runServerCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`lab: ${error.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(`lab: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await closeDatabase();
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [group, command, ...rest] = argv;
  const key = `${group ?? ""} ${command ?? ""}`;
  switch (key) {
    case "db migrate":
      return dbMigrate(rest, io);
    case "db seed":
      return dbSeed(rest, io);
    case "db backup":
      return dbBackup(rest, io);
    case "db restore":
      return dbRestore(rest, io);
    case "user create":
      return userCreate(rest, io);
    case "user promote":
      return userPromote(rest, io);
    case "token create":
      return tokenCreate(rest, io);
    case "token revoke":
      return tokenRevoke(rest, io);
    default:
      throw new UsageError(command === undefined ? `missing command after "${group ?? ""}"` : `unknown command "${key.trim()}"`);
  }
}

function parse<Options extends Record<string, { type: "string" }>>(args: string[], options: Options, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length !== positionals) throw new UsageError(`expected ${positionals} argument(s), got ${parsed.positionals.length}`);
  return parsed;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === "") throw new UsageError(`${flag} is required`);
  return value.trim();
}

function parseRole(value: string | undefined): Role {
  const role = Role.safeParse(required(value, "--role"));
  if (!role.success) throw new UsageError(`--role must be one of ${Role.options.join(", ")}`);
  return role.data;
}

async function migrated() {
  const database = await getDatabase();
  await applyMigrations(database.sql);
  return database;
}

async function dbMigrate(args: string[], io: CliIO): Promise<number> {
  parse(args, {});
  const report = await applyMigrations((await getDatabase()).sql);
  io.stdout(report.applied.length === 0 ? "database is up to date\n" : `applied: ${report.applied.join(", ")}\n`);
  return 0;
}

async function dbSeed(args: string[], io: CliIO): Promise<number> {
  parse(args, {});
  await migrated();
  const { seedDemoAccounts, DEMO_PASSWORD } = await import("../../prisma/seed");
  const created = await seedDemoAccounts();
  io.stdout(created.length === 0 ? "demo accounts already exist\n" : `created ${created.join(", ")} (password: ${DEMO_PASSWORD})\n`);
  return 0;
}

function embeddedOnly(command: string): string {
  if (serverEnv().DATABASE_URL !== undefined) {
    throw new UsageError(`${command} works on the embedded database; with PostgreSQL use pg_dump / pg_restore (docs/scaling.md)`);
  }
  return path.join(dataDirectory(), "pglite");
}

async function dbBackup(args: string[], io: CliIO): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  embeddedOnly("db backup");
  const file = path.resolve(positionals[0] ?? "");
  const database = await getDatabase();
  if (database.pglite === undefined) throw new Error("no embedded database is open");
  const dump = await database.pglite.dumpDataDir("gzip");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  io.stdout(`backup written to ${file}\n`);
  return 0;
}

async function dbRestore(args: string[], io: CliIO): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const dataDir = embeddedOnly("db restore");
  const file = path.resolve(positionals[0] ?? "");
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const releaseLock = lockDataDirectory(dataDir);
  try {
    // Never delete: the current database is moved aside, and its path is printed.
    let keptAside: string | undefined;
    if (readdirSync(dataDir).length > 0) {
      keptAside = `${dataDir}.before-restore-${new Date().toISOString().replaceAll(/[:.]/g, "-")}`;
      renameSync(dataDir, keptAside);
    }
    const restored = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
    await restored.waitReady;
    await restored.close();
    io.stdout(`restored ${file}${keptAside === undefined ? "" : `; the previous database is kept in ${keptAside}`}\n`);
  } finally {
    releaseLock();
  }
  return 0;
}

async function userCreate(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } });
  const email = z.email().safeParse(required(values.email, "--email"));
  if (!email.success) throw new UsageError("--email is not a valid email address");
  const role = parseRole(values.role);
  const password = await io.readSecret(`password for ${email.data}: `);
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new UsageError(`the password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
  await migrated();
  if ((await selectUserByEmail(email.data)) !== null) throw new Error(`a user with the email ${email.data} already exists`);
  const auth = await getAuth();
  await auth.api.signUpEmail({ body: { email: email.data, password, name: values.name ?? email.data.split("@")[0] ?? email.data } });
  const user = await selectUserByEmail(email.data);
  if (user === null) throw new Error("the account was not created");
  await updateUserRole(user.id, role);
  io.stdout(`created ${role} ${user.email} (${user.id})\n`);
  return 0;
}

async function userPromote(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { email: { type: "string" }, role: { type: "string" } });
  const email = required(values.email, "--email");
  const role = parseRole(values.role);
  await migrated();
  const user = await selectUserByEmail(email);
  if (user === null) throw new Error(`no user with the email ${email}`);
  if ((await updateUserRole(user.id, role)) === "last-admin") throw new Error(`${user.email} is the only admin: promote another user to admin first`);
  io.stdout(`${user.email} is now ${role}\n`);
  return 0;
}

async function tokenCreate(args: string[], io: CliIO): Promise<number> {
  const { values } = parse(args, { email: { type: "string" }, scopes: { type: "string" }, name: { type: "string" }, "expires-in-days": { type: "string" } });
  const email = required(values.email, "--email");
  const scopes = z.array(ApiScope).min(1).safeParse(required(values.scopes, "--scopes").split(",").map((scope) => scope.trim()));
  if (!scopes.success) throw new UsageError(`--scopes must be a comma-separated list of ${ApiScope.options.join(", ")}`);
  const days = values["expires-in-days"] === undefined ? undefined : z.coerce.number().int().min(1).safeParse(values["expires-in-days"]);
  if (days !== undefined && !days.success) throw new UsageError("--expires-in-days must be a whole number of days");
  await migrated();
  const user = await selectUserByEmail(email);
  if (user === null) throw new Error(`no user with the email ${email}`);
  const { token, secret } = await insertApiToken({
    userId: user.id,
    name: values.name ?? "cli",
    scopes: scopes.data,
    expiresAt: days === undefined ? null : new Date(Date.now() + days.data * 86_400_000),
  });
  io.stdout(`token ${token.id} for ${user.email} (${token.scopes.join(", ")}); the secret is shown only now:\n${secret}\n`);
  return 0;
}

async function tokenRevoke(args: string[], io: CliIO): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  await migrated();
  const id = positionals[0] ?? "";
  if (!(await revokeApiToken(id))) throw new Error(`no live token with the id ${id}`);
  io.stdout(`token ${id} revoked\n`);
  return 0;
}

function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readSecret: async (prompt) => {
      if (!process.stdin.isTTY) {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
        return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "").trim();
      }
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      try {
        return (await rl.question(prompt)).trim();
      } finally {
        rl.close();
      }
    },
  };
}
