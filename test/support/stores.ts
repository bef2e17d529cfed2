import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

/** A database a store test runs on. */
export interface TestBackend {
  name: "sqlite" | "postgres";
  /** The URL of a new, empty store: a file in a folder of its own, or a PostgreSQL schema of its own. */
  freshUrl(): string;
}

const postgresUrl = process.env.TEST_POSTGRES_URL?.trim() || undefined;
const MISSING = "TEST_POSTGRES_URL is not set (.ci/run starts a local PostgreSQL and sets it)";
const folders: string[] = [];
const schemas: string[] = [];

const sqlite: TestBackend = {
  name: "sqlite",
  freshUrl() {
    const folder = mkdtempSync(join(tmpdir(), "rd-store-"));
    folders.push(folder);
    return `sqlite://${join(folder, "store.sqlite")}`;
  },
};

// A schema per store, so test files running side by side never meet.
const postgres = (base: string): TestBackend => ({
  name: "postgres",
  freshUrl() {
    const schema = `test_${process.pid}_${schemas.length}_${randomBytes(3).toString("hex")}`;
    schemas.push(schema);
    const url = new URL(base);
    url.searchParams.set("schema", schema);
    return url.toString();
  },
});

const postgresBackend: TestBackend | undefined = postgresUrl ? postgres(postgresUrl) : undefined;

afterAll(async () => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  if (!postgresUrl || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
});

/**
 * Runs `body` once on SQLite and once on PostgreSQL (see {@link describePostgres}).
 */
export function describeEachBackend(title: string, body: (backend: TestBackend) => void): void {
  describe(`${title} (sqlite)`, () => body(sqlite));
  describePostgres(title, body);
}

/**
 * Runs `body` on PostgreSQL. Without TEST_POSTGRES_URL it is skipped with a message, except under
 * CI=true, where it fails: CI always has a database.
 */
export function describePostgres(title: string, body: (backend: TestBackend) => void): void {
  describe(`${title} (postgres)`, () => {
    if (postgresBackend) body(postgresBackend);
    else if (process.env.CI === "true") it("has a PostgreSQL database under CI", () => expect.fail(MISSING));
    else it.skip(`skipped: ${MISSING}`, () => {});
  });
  if (!postgresBackend && process.env.CI !== "true")
    console.warn(`${title} on PostgreSQL skipped: ${MISSING}`);
}
