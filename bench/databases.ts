import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Where a bench stores what ours reads: SQLite files, or schemas of BENCH_POSTGRES_URL. */
export type Database = "SQLite" | "PostgreSQL";

const postgresUrl = () => process.env.BENCH_POSTGRES_URL?.trim() ?? "";

/** SQLite always; PostgreSQL too when BENCH_POSTGRES_URL names a database the bench may create schemas in. */
export function benchDatabases(): Database[] {
  return postgresUrl() ? ["SQLite", "PostgreSQL"] : ["SQLite"];
}

const schemas: string[] = [];

/** The URL of a new, empty store: a file in a new directory, or a schema no one has used. */
export function freshStoreUrl(database: Database): string {
  if (database === "SQLite") return `sqlite://${join(mkdtempSync(join(tmpdir(), "bench-")), "bot.sqlite")}`;
  const url = new URL(postgresUrl());
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  url.searchParams.set("schema", schema);
  schemas.push(schema);
  return url.toString();
}

const schemaOf = (url: string) => new URL(url).searchParams.get("schema") ?? "public";

async function onPostgres(sql: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new store holding what the store at `url` holds (closed by then): the file copied, or the table. */
export async function copyOfStore(url: string): Promise<string> {
  const database: Database = url.startsWith("sqlite://") ? "SQLite" : "PostgreSQL";
  const copy = freshStoreUrl(database);
  if (database === "SQLite") {
    copyFileSync(url.slice("sqlite://".length), copy.slice("sqlite://".length));
    return copy;
  }
  const [from, to] = [schemaOf(url), schemaOf(copy)];
  await onPostgres([
    `CREATE SCHEMA ${to}`,
    `CREATE TABLE ${to}.keyv (LIKE ${from}.keyv INCLUDING ALL)`,
    `INSERT INTO ${to}.keyv SELECT * FROM ${from}.keyv`,
  ]);
  return copy;
}

/** Drops every schema the benches made on PostgreSQL. */
export async function dropBenchSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  await onPostgres(schemas.splice(0).map((schema) => `DROP SCHEMA IF EXISTS ${schema} CASCADE`));
}
