import KeyvPostgres, { type KeyvPostgresOptions } from "@keyv/postgres";
import pg from "pg";
import {
  type Backend,
  type BackendOptions,
  deserialise,
  keyvOptions,
  listenedKeyv,
  NAMESPACE,
  type Outcome,
  type PageQuery,
  pagedScan,
  type Row,
  serialise,
} from "./backend.js";

const TABLE = "keyv";
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A PostgreSQL database shared by any number of processes. The records are Keyv's table (`keyv`:
 * `key`, `value`), in the schema named by the URL's `schema` parameter (`public` without one), which is
 * ours and is not passed on to PostgreSQL.
 */
export async function openPostgres(url: string, options: BackendOptions): Promise<Backend> {
  const { connectionString, schema } = parsePostgresUrl(url);
  const table = `${schema}.${TABLE}`;
  const pool = new pg.Pool({ connectionString });
  // An idle connection the server drops emits here; unheard, it would end the process.
  pool.on("error", (error) => options.onError?.(error));
  try {
    // Like the adapter, which runs these again: `public` needs no CREATE SCHEMA, nor the right to run it.
    if (schema !== "public") await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (key VARCHAR(255) PRIMARY KEY, value TEXT)`);
  } catch (error) {
    await pool.end();
    // Two processes creating the schema or table at once: one of them gets a unique violation.
    if ((error as { code?: string }).code !== "23505") {
      throw new Error(`Could not open the PostgreSQL store at ${describePostgresUrl(url)}: ${String(error)}`);
    }
    return openPostgres(url, options);
  }
  const adapter = new PooledPostgres({ uri: connectionString, schema, table: TABLE, pool });
  // A read that fails must fail, not pass for a missing record.
  const keyv = listenedKeyv({ store: adapter, ...keyvOptions, throwOnErrors: true }, options.onError);
  return {
    keyv,
    scan: pagedScan(postgresPage(pool, table), options.scanPageSize),
    write: (key, decide) => transaction(pool, table, `${NAMESPACE}:${key}`, decide),
    save: (key, value, ttlMs) =>
      transaction(pool, table, `${NAMESPACE}:${key}`, () => ({ kind: "save", value, ttlMs }), false),
    close: () => keyv.disconnect(),
  };
}

/**
 * One write of one record across every process: an advisory lock on the key, held until commit,
 * makes each read-decide-write run alone, also when the record does not exist yet. Without `read`,
 * `decide` sees no record (for a plain save).
 */
async function transaction<T>(
  pool: pg.Pool,
  table: string,
  key: string,
  decide: (current: T | undefined) => Outcome<T>,
  read = true,
): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`${table}:${key}`]);
    const stored = read
      ? (await client.query<Row>(`SELECT value FROM ${table} WHERE key = $1`, [key])).rows[0]
      : undefined;
    const outcome = decide(stored ? deserialise<T>(stored.value) : undefined);
    if (outcome.kind === "save") {
      await client.query(
        `INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [key, serialise(outcome.value, outcome.ttlMs)],
      );
    } else if (outcome.kind === "delete" && stored) {
      await client.query(`DELETE FROM ${table} WHERE key = $1`, [key]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch((failure: Error) => {
      broken = failure;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

const postgresPage = (pool: pg.Pool, table: string): PageQuery => {
  const select = `SELECT key, value FROM ${table} WHERE key > $1 AND key LIKE $2 ORDER BY key LIMIT $3`;
  return async (after, like, limit) => (await pool.query<Row>(select, [after, like, limit])).rows;
};

interface PooledOptions extends KeyvPostgresOptions {
  pool: pg.Pool;
}

/**
 * Keyv's adapter on the store's own pool. The adapter alone keeps one pool for the whole process and
 * ends it when any store closes, which would cut off every other store open in the process.
 */
class PooledPostgres extends KeyvPostgres {
  // Typed to take the pool, which the adapter keeps in `opts` with the rest.
  constructor(options: PooledOptions) {
    super(options);
  }

  // The adapter's constructor calls this, before a field of this class could be set.
  override async connect() {
    const { pool } = this.opts as PooledOptions;
    return async (sql: string, values?: unknown[]) => (await pool.query(sql, values)).rows;
  }

  override async disconnect() {
    await (this.opts as PooledOptions).pool.end();
  }
}

/** The URL pg connects with, and the schema our `schema` parameter names. */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`The schema in DATABASE_URL must be lower-case letters, digits and _, got "${schema}"`);
  }
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

/** The URL without its password, to show in messages. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://…";
  }
}
