// The database connection: one Prisma client per process, over the embedded PGlite database
// (default, persisted in BACKPROP_DATA_DIR) or over PostgreSQL when DATABASE_URL is set.
// Only lib/server/data/* and the migration runner use what this module returns; everything
// else goes through the data-access modules. Edit this file to change how we connect.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { dataDirectory, serverEnv } from "./env.server";

/** Raw SQL on one connection. */
export interface SqlConnection {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** Raw SQL, for what Prisma cannot do: multi-statement migration scripts, locks, LISTEN. */
export interface SqlDriver extends SqlConnection {
  readonly kind: "pglite" | "postgres";
  /**
   * LISTENs on a channel (NOTIFY payloads, delivered after the notifying transaction commits)
   * until the returned function is called. PostgreSQL holds one connection for it, reconnecting
   * if it drops; PGlite delivers its own notifications.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Runs `work` on one connection while holding a PostgreSQL advisory lock, serialising it
   * against every other process doing the same.
   */
  withAdvisoryLock<T>(key: number, work: (connection: SqlConnection) => Promise<T>): Promise<T>;
}

export interface Database {
  readonly mode: "embedded" | "server";
  readonly prisma: PrismaClient;
  readonly sql: SqlDriver;
  /** The embedded PGlite instance (backup and restore need it); undefined in server mode. */
  readonly pglite: PGlite | undefined;
  close(): Promise<void>;
}

export function pgliteDriver(db: PGlite): SqlDriver {
  const connection: SqlConnection = {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
  };
  return {
    kind: "pglite",
    ...connection,
    listen: async (channel, onPayload) => {
      const unlisten = await db.listen(channel, onPayload);
      return async () => {
        await unlisten();
      };
    },
    // PGlite is a single connection owned by this process, so an in-process queue is the lock.
    withAdvisoryLock: async <T>(_key: number, work: (connection: SqlConnection) => Promise<T>) => {
      const previous = pgliteLocks.get(db) ?? Promise.resolve();
      let release = () => {};
      const mine = new Promise<void>((resolve) => (release = resolve));
      pgliteLocks.set(db, previous.then(() => mine));
      await previous;
      try {
        return await work(connection);
      } finally {
        release();
      }
    },
  };
}
const pgliteLocks = new WeakMap<PGlite, Promise<void>>();

export function postgresDriver(pool: pg.Pool, connectionConfig: pg.ClientConfig = {}): SqlDriver & { stopListening(): Promise<void> } {
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: "postgres",
    listen: async (channel, onPayload) => {
      const stop = await listenOnPostgres(connectionConfig, channel, onPayload);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    /** Ends every LISTEN connection (when the database is closed). */
    stopListening: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      listeners.clear();
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await pool.query(sql, params)).rows as Row[],
    // A session-level advisory lock lives on one connection: hold one client for the whole work.
    withAdvisoryLock: async <T>(key: number, work: (connection: SqlConnection) => Promise<T>) => {
      const client = await pool.connect();
      const connection: SqlConnection = {
        exec: async (sql) => {
          await client.query(sql);
        },
        query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
      };
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await work(connection);
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        client.release();
      }
    },
  };
}

/**
 * A dedicated client LISTENing on `channel` (a pooled connection would be handed to other work).
 * When the connection drops it reconnects after a pause, until stopped; payloads sent meanwhile
 * are lost, which is why listeners keep a slow poll as a safety net.
 */
async function listenOnPostgres(config: pg.ClientConfig, channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on("notification", (message) => {
      if (message.channel === channel) onPayload(message.payload ?? "");
    });
    next.on("error", () => {
      if (client === next) client = undefined;
      void next.end().catch(() => {});
      if (!stopped) {
        retry = setTimeout(() => void connect().catch(() => {}), 1000);
        retry.unref();
      }
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    if (stopped) await next.end();
    else client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry !== undefined) clearTimeout(retry);
    await client?.end().catch(() => {});
    client = undefined;
  };
}

/** Opens the embedded database; `dataDir` undefined means in memory (tests). */
export async function openEmbeddedDatabase(dataDir: string | undefined): Promise<Database> {
  const releaseLock = dataDir === undefined ? () => {} : lockDataDirectory(dataDir);
  let pglite: PGlite;
  try {
    pglite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
    await pglite.waitReady;
  } catch (error) {
    releaseLock();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    mode: "embedded",
    prisma,
    sql: pgliteDriver(pglite),
    pglite,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file with our pid refuses that with a clear message (a stale lock of a dead process is
 * taken over).
 */
export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  try {
    writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const holderPid = Number(readFileSync(lockFile, "utf8").trim());
    if (holderPid !== process.pid && isProcessAlive(holderPid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${holderPid} (a running server?). ` +
          "Stop it first, or use PostgreSQL (DATABASE_URL) to share a database between processes.",
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/** Opens a PostgreSQL database; `schema` (tests) puts every table in that schema instead of public. */
export function openServerDatabase(url: string, schema?: string): Database {
  const poolConfig: pg.PoolConfig = {
    connectionString: url,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path="${schema}"` }),
  };
  const pool = new pg.Pool(poolConfig);
  const prisma = new PrismaClient({
    adapter: new PrismaPg(poolConfig, schema === undefined ? undefined : { schema }),
  });
  const sql = postgresDriver(pool, poolConfig);
  return {
    mode: "server",
    prisma,
    sql,
    pglite: undefined,
    close: async () => {
      await sql.stopListening();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

const holder = globalThis as unknown as { backpropDatabase?: Promise<Database> };

/**
 * The process's database, opened from the environment on first use and cached on globalThis so
 * that Next.js hot reloads in development do not open a second PGlite on the same folder.
 */
export function getDatabase(): Promise<Database> {
  holder.backpropDatabase ??= openFromEnvironment();
  return holder.backpropDatabase;
}

/** Installs `database` as the process's database (tests, the CLI after `db restore`). */
export function useDatabase(database: Database): void {
  holder.backpropDatabase = Promise.resolve(database);
}

/** Closes and forgets the process's database (the CLI at exit, tests in afterAll). */
export async function closeDatabase(): Promise<void> {
  const current = holder.backpropDatabase;
  holder.backpropDatabase = undefined;
  if (current !== undefined) await (await current).close();
}

export async function prisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

async function openFromEnvironment(): Promise<Database> {
  const env = serverEnv();
  if (env.DATABASE_URL !== undefined) return openServerDatabase(env.DATABASE_URL);
  return openEmbeddedDatabase(path.join(dataDirectory(env), "pglite"));
}
