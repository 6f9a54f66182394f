/**
 * Scratch databases for the loop-metrics bench and its correctness check:
 * created (dropped first) on the local PostgreSQL, with only the tables
 * `loopMetrics` reads. The plugin's tables come from its own migrations (each
 * migration class is run with a collecting `addSql`, and the statements that
 * concern other tables are left out); "order" and "order_summary" are minimal
 * stand-ins for Medusa's, with the columns the query uses and Medusa's own
 * indexes on them (from @medusajs/order's migrations).
 */
import fs from "fs"
import path from "path"
import { knex as knexFactory, type Knex } from "@medusajs/framework/mikro-orm/knex"

export const PG = {
  host: process.env.BENCH_PG_HOST ?? "127.0.0.1",
  port: Number(process.env.BENCH_PG_PORT ?? 5432),
  user: process.env.BENCH_PG_USER ?? "postgres",
  password: process.env.BENCH_PG_PASSWORD ?? "",
}

/** The plugin tables loopMetrics reads. */
export const PLUGIN_TABLES = ["referral_prompt", "referral_touch", "referral", "referral_reward"] as const

const MIGRATIONS_DIR = path.join(__dirname, "..", "src", "modules", "referral", "migrations")

export function connect(database: string, poolMax = 10): Knex {
  return knexFactory({ client: "pg", connection: { ...PG, database }, pool: { min: 0, max: poolMax } })
}

async function withAdmin<T>(fn: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = connect("postgres", 1)
  try {
    return await fn(admin)
  } finally {
    await admin.destroy()
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name ${name}`)
  return `"${name}"`
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.raw(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`))
}

export async function createDatabase(name: string): Promise<void> {
  await dropDatabase(name)
  await withAdmin((admin) => admin.raw(`CREATE DATABASE ${quoteIdent(name)}`))
}

/** Every migration's `up()` SQL, in file order, collected with a fake addSql. */
export async function migrationStatements(): Promise<string[]> {
  const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^Migration\d+\.ts$/.test(f)).sort()
  const statements: string[] = []
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(path.join(MIGRATIONS_DIR, file)) as Record<string, new (...args: never[]) => unknown>
    const Class = mod[file.replace(/\.ts$/, "")]
    if (!Class) throw new Error(`${file} exports no ${file.replace(/\.ts$/, "")}`)
    const migration = new Class() as { addSql: (sql: string) => void; up: () => Promise<void> }
    migration.addSql = (sql: string) => statements.push(sql)
    await migration.up()
  }
  return statements
}

/** Tables a statement concerns: the one it creates, alters or indexes, and any it references. */
function tablesOf(sql: string): string[] {
  const tables = new Set<string>()
  for (const m of sql.matchAll(/\b(?:table(?:\s+if\s+(?:not\s+)?exists)?|\bon|references)\s+"(\w+)"/gi)) tables.add(m[1])
  if (!tables.size) throw new Error(`cannot tell which table this migration statement concerns: ${sql}`)
  return [...tables]
}

/** Migration statements whose every table is one loopMetrics reads (so the FK to referral_code is left out). */
export async function pluginSchemaStatements(): Promise<string[]> {
  const wanted = new Set<string>(PLUGIN_TABLES)
  return (await migrationStatements()).filter((sql) => tablesOf(sql).every((t) => wanted.has(t)))
}

/** Stand-ins for Medusa's "order" and "order_summary": the columns loopMetrics uses, Medusa's indexes on them. */
export const MEDUSA_STAND_INS = [
  `CREATE TYPE order_status_enum AS ENUM ('pending', 'completed', 'draft', 'archived', 'canceled', 'requires_action')`,
  `CREATE TABLE "order" (
    "id" text NOT NULL,
    "customer_id" text NULL,
    "status" order_status_enum NOT NULL DEFAULT 'pending',
    "is_draft_order" boolean NOT NULL DEFAULT false,
    "currency_code" text NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted_at" timestamptz NULL,
    CONSTRAINT "order_pkey" PRIMARY KEY ("id")
  )`,
  `CREATE INDEX "IDX_order_customer_id" ON "order" (customer_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX "IDX_order_currency_code" ON "order" (currency_code) WHERE deleted_at IS NULL`,
  `CREATE INDEX "IDX_order_deleted_at" ON "order" (deleted_at)`,
  `CREATE INDEX "IDX_order_is_draft_order" ON "order" (is_draft_order) WHERE deleted_at IS NULL`,
  `CREATE TABLE "order_summary" (
    "id" text NOT NULL,
    "order_id" text NOT NULL,
    "version" integer NOT NULL DEFAULT 1,
    "totals" jsonb NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    "deleted_at" timestamptz NULL,
    CONSTRAINT "order_summary_pkey" PRIMARY KEY ("id")
  )`,
  `CREATE INDEX "IDX_order_summary_order_id_version" ON "order_summary" (order_id, version) WHERE deleted_at IS NULL`,
  `CREATE INDEX "IDX_order_summary_deleted_at" ON "order_summary" (deleted_at) WHERE deleted_at IS NOT NULL`,
]

/** Creates the scratch database with the plugin's tables (from its migrations) and the two stand-ins. */
export async function createScratch(name: string): Promise<{ db: Knex; statements: number }> {
  await createDatabase(name)
  const db = connect(name)
  const statements = await pluginSchemaStatements()
  for (const sql of statements) await db.raw(sql)
  for (const sql of MEDUSA_STAND_INS) await db.raw(sql)
  return { db, statements: statements.length }
}
