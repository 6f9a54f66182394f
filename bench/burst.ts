/**
 * A burst of orders on the production setup, with and without the plugin:
 * one `medusa start` server and one worker (`MEDUSA_WORKER_MODE`) on a fresh
 * PostgreSQL database and Redis (event bus, workflow engine, cache, locking).
 *
 *   npm run bench:burst                        # 5,000 orders, with and without the plugin
 *   npm run bench:burst -- --orders=200 --mode=with --concurrency=1 --batch=50
 *
 * Each run seeds a store through the admin API (region, sales channel,
 * products; with the plugin, a program that asks every first-time buyer: no
 * daily cap in the way, template messages rather than an LLM), then runs
 * bench/burst-orders.ts with `medusa exec`: N registered customers, then N
 * orders created in batches, each batch's `order.placed` emitted through the
 * event bus right after it is created (critical priority, as checkout does).
 * Then it waits until the worker has handled every event and reads:
 *   - the event jobs in Redis: completed, failed, retried, subscriber errors,
 *     enqueued → handled times, and the handling time of each job;
 *   - events/s handled: events ÷ (last handled − first enqueued);
 *   - order → prompt: prompt.created_at − order.created_at (SQL), and every
 *     order accounted for: a prompt, or a moment suppressed with its reason;
 *   - the worker's CPU time (its process group, from /proc) per event.
 * "Without" runs Medusa from a host directory without the plugin's src/ and
 * with `SMART_REFERRALS_DISABLED=true` (see bareMedusaHost): the same store
 * with the loyalty plugin only.
 *
 * Writes bench/results/burst-<ISO timestamp>.json and burst-latest.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs"
import os from "os"
import { join } from "path"
import { Client } from "pg"
import Redis from "ioredis"
import { EVENT_QUEUE, openQueue, unfinishedJobs } from "../tools/cluster"
import { bareMedusaHost, freePort, medusaCli, medusaCliAsync, POSTGRES_URL, recreateDatabase, startMedusa, type MedusaServer } from "../tools/medusa-process"
import { StoreApi } from "../tools/store-api"
import { machineInfo } from "./machine"

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback
const ORDERS = Number(arg("orders", "5000"))
const MODE = arg("mode", "both") as "both" | "with" | "without"
const CONCURRENCY = Number(arg("concurrency", "1"))
const BATCH = Number(arg("batch", "50"))
/**
 * Also profile: the worker's CPU during the burst (bench/cpu-profile.js, into bench/results/profile-<mode>/, with a
 * summary printed) and every SQL statement's duration in PostgreSQL's log (log_min_duration_statement on the database).
 */
const PROFILE = process.argv.includes("--profile")
const DATABASE = process.env.BURST_DATABASE ?? "smart_referrals_burst"
// Its own Redis database: the production tests use 1.
const REDIS_URL = process.env.BURST_REDIS_URL ?? "redis://127.0.0.1:6379/3"
const ADMIN = { email: "admin@burst.bench", password: "burst-bench-password" }
const DRAIN_TIMEOUT_MS = Number(process.env.BURST_TIMEOUT_MINUTES ?? 120) * 60_000
const ROOT = join(__dirname, "..")

type RunResult = Awaited<ReturnType<typeof runOnce>>

async function main() {
  const started = Date.now()
  const loadStart = os.loadavg()
  const runs: Record<string, RunResult> = {}
  const modes = MODE === "both" ? (["without", "with"] as const) : [MODE]
  for (const mode of modes) {
    runs[mode] = await runOnce(mode)
  }
  const loadEnd = os.loadavg()

  console.log(`\nBurst of ${ORDERS} orders, one server and one worker (event concurrency ${CONCURRENCY}), Redis`)
  const rows = Object.entries(runs).map(([mode, r]) => [
    `${mode} plugin`,
    String(r.events.orders),
    r.events.events_per_second.toFixed(1),
    fmtS(r.latency.order_to_handled_s.p50),
    fmtS(r.latency.order_to_handled_s.p99),
    r.latency.order_to_prompt_s ? fmtS(r.latency.order_to_prompt_s.p50) : "-",
    r.latency.order_to_prompt_s ? fmtS(r.latency.order_to_prompt_s.p99) : "-",
    fmtMs(r.events.handling_ms.p50),
    r.worker.cpu_ms_per_order_event.toFixed(0),
    String(r.events.all_events),
    `${r.events.completed}/${r.events.failed}/${r.events.lost}`,
    String(r.events.subscriber_errors),
  ])
  table(
    ["run", "orders", "events/s", "order→handled p50", "p99", "order→prompt p50", "p99", "handling p50", "worker CPU ms/order", "events in all", "completed/failed/lost", "subscriber errors"],
    rows
  )
  for (const [mode, r] of Object.entries(runs)) {
    console.log(
      `${mode} plugin: handling p50 by quarter of the burst ${r.events.handling_ms_by_quarter.map((q) => fmtMs(q.p50)).join(", ")}; ` +
        `${r.events.all_events} events in all drained in ${r.events.all_events_drained_seconds.toFixed(0)} s` +
        (r.outcomes ? `; outcomes ${JSON.stringify(r.outcomes)}` : "")
    )
  }
  console.log(`Load average ${loadStart.map((x) => x.toFixed(2)).join(" ")} → ${loadEnd.map((x) => x.toFixed(2)).join(" ")} on ${os.cpus().length} cores`)

  const now = new Date()
  const report = {
    benchmark: "burst",
    generated_at: now.toISOString(),
    machine: machineInfo(),
    loadAverage: { start: loadStart, end: loadEnd },
    config: { orders: ORDERS, mode: MODE, event_bus_concurrency: CONCURRENCY, batch: BATCH, node_env: "test", redis_url: REDIS_URL },
    runs,
    wallSeconds: (Date.now() - started) / 1000,
  }
  const dir = join(__dirname, "results")
  mkdirSync(dir, { recursive: true })
  const json = JSON.stringify(report, null, 2) + "\n"
  const stamped = join(dir, `burst-${now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.json`)
  writeFileSync(stamped, json)
  writeFileSync(join(dir, "burst-latest.json"), json)
  console.log(`\nwrote ${stamped} and bench/results/burst-latest.json (${report.wallSeconds.toFixed(0)} s)`)
}

async function runOnce(mode: "with" | "without") {
  const withPlugin = mode === "with"
  const cwd = withPlugin ? ROOT : bareMedusaHost(ROOT)
  step(`[${mode} plugin] fresh database ${DATABASE}, Redis ${REDIS_URL}, migrations, admin user`)
  const databaseUrl = await recreateDatabase(DATABASE)
  if (PROFILE) {
    const admin = new Client({ connectionString: `${POSTGRES_URL}/postgres` })
    await admin.connect()
    await admin.query(`ALTER DATABASE "${DATABASE}" SET log_min_duration_statement = 0`)
    await admin.end()
  }
  const { NODE_OPTIONS: _unused, ...inherited } = process.env
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    NODE_ENV: "test",
    MEDUSA_ADMIN_DISABLED: "true",
    EVENT_BUS_CONCURRENCY: String(CONCURRENCY),
    SMART_REFERRALS_DISABLED: withPlugin ? "false" : "true",
  }
  // No notification file from the shell: nothing but the burst writes.
  delete env.SMART_REFERRALS_NOTIFICATIONS_FILE
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null })
  await redis.flushdb()
  medusaCli(["db:migrate"], env, cwd)
  medusaCli(["user", "-e", ADMIN.email, "-p", ADMIN.password], env, cwd)

  const [serverPort, workerPort] = [await freePort(), await freePort()]
  step(`[${mode} plugin] medusa start: server on ${serverPort}, worker on ${workerPort}`)
  let server: MedusaServer | undefined
  let worker: MedusaServer | undefined
  const sql = new Client({ connectionString: databaseUrl })
  const events = openQueue(redis, EVENT_QUEUE)
  try {
    ;[server, worker] = await Promise.all([
      startMedusa("start", { port: serverPort, env: { ...env, MEDUSA_WORKER_MODE: "server" }, log: "quiet", cwd }),
      startMedusa("start", {
        port: workerPort,
        env: {
          ...env,
          MEDUSA_WORKER_MODE: "worker",
          ...(PROFILE ? { NODE_OPTIONS: `--require ${join(__dirname, "cpu-profile.js")}`, BURST_PROFILE_DIR: profileDir(mode) } : {}),
        },
        log: "quiet",
        cwd,
      }),
    ])
    await sql.connect()
    const api = new StoreApi(server.url)
    await api.loginAdmin(ADMIN.email, ADMIN.password)
    step(`[${mode} plugin] seeding: region, sales channel, publishable key, 3 products${withPlugin ? ", program" : ""}`)
    await api.seedStore()
    if (withPlugin) {
      // Every first-time buyer is asked: the daily cap is above the burst, messages are templates (no LLM here).
      await api.admin("POST", "/admin/referrals/program", { store_daily_prompt_cap: ORDERS * 10, llm_enabled: false })
    }
    await settle(events)

    step(`[${mode} plugin] medusa exec bench/burst-orders.ts: ${ORDERS} customers, then ${ORDERS} orders in batches of ${BATCH}`)
    const outputFile = join(os.tmpdir(), `burst-orders-${process.pid}-${mode}.json`)
    const cpuBefore = processGroupCpuMs(worker.process.pid!)
    // BullMQ numbers a queue's jobs from one counter: what the burst set off in all, follow-up events included.
    const jobCounter = `${EVENT_QUEUE.prefix}:${EVENT_QUEUE.name}:id`
    const jobsBefore = Number((await redis.get(jobCounter)) ?? 0)
    // The customers' events are handled inside the script before the burst, which it marks with a file:
    // the worker's CPU is counted from then on.
    let cpuAtBurst: number | null = null
    const watchBurst = setInterval(() => {
      if (cpuAtBurst === null && existsSync(`${outputFile}.burst-started`)) {
        cpuAtBurst = processGroupCpuMs(worker!.process.pid!)
        if (PROFILE) signalMedusa(worker!.process.pid!, "SIGUSR2")
      }
    }, 100)
    const execStarted = Date.now()
    await medusaCliAsync(
      ["exec", join(__dirname, "burst-orders.ts")],
      { ...env, BURST_ORDERS: String(ORDERS), BURST_BATCH: String(BATCH), BURST_OUTPUT: outputFile },
      cwd
    )
    const created = JSON.parse(readFileSync(outputFile, "utf8"))
    rmSync(outputFile, { force: true })
    rmSync(`${outputFile}.burst-started`, { force: true })
    step(
      `[${mode} plugin] exec done in ${((Date.now() - execStarted) / 1000).toFixed(0)} s: customers ${created.customers_seconds.toFixed(1)} s, ` +
        `their events ${created.customer_events_drained_seconds.toFixed(1)} s, ${ORDERS} orders + events ${created.burst_seconds.toFixed(1)} s`
    )

    // Until every event is handled, with progress.
    const deadline = Date.now() + DRAIN_TIMEOUT_MS
    let lastReport = 0
    let drainedAt = 0
    while (true) {
      const counts = await events.getJobCounts("completed", "failed", "waiting", "active", "prioritized", "delayed")
      const open = await unfinishedJobs(events)
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now()
        step(`[${mode} plugin] ${new Date().toISOString().slice(11, 19)} completed ${counts.completed}, failed ${counts.failed}, to do ${open}`)
      }
      if (open === 0) {
        drainedAt = Date.now()
        break
      }
      if (Date.now() > deadline) throw new Error(`[${mode}] events still unhandled after ${DRAIN_TIMEOUT_MS / 60000} min: ${JSON.stringify(counts)}`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    clearInterval(watchBurst)
    const cpuAfter = processGroupCpuMs(worker.process.pid!)
    const allEvents = Number((await redis.get(jobCounter)) ?? 0) - jobsBefore
    let profile: ReturnType<typeof summarizeProfile> | null = null
    if (PROFILE) {
      signalMedusa(worker.process.pid!, "SIGUSR2")
      await new Promise((resolve) => setTimeout(resolve, 3000))
      profile = summarizeProfile(profileDir(mode))
    }

    // The burst's event jobs, kept in Redis by the script.
    const jobs = (await events.getJobs(["completed", "failed"], 0, -1)).filter((job) => job.name === "order.placed")
    const failed = (await events.getJobs(["failed"], 0, -1)).filter((job) => job.name === "order.placed").length
    const completedJobs = jobs.filter((job) => job.finishedOn && !job.failedReason)
    const subscriberErrors = completedJobs.filter((job) =>
      (Array.isArray(job.returnvalue) ? job.returnvalue : []).some((value: unknown) => value && typeof value === "object")
    ).length
    const handledAt = new Map<string, number>(completedJobs.map((job) => [(job.data as { data: { id: string } }).data.id, job.finishedOn!]))
    const firstEnqueued = Math.min(...jobs.map((job) => job.timestamp))
    const lastHandled = Math.max(...completedJobs.map((job) => job.finishedOn!))
    const handlingMs = completedJobs.map((job) => job.finishedOn! - job.processedOn!)
    const queueMs = completedJobs.map((job) => job.processedOn! - job.timestamp)

    const { rows: orders } = await sql.query(
      `SELECT o.id, o.created_at FROM "order" o JOIN customer c ON c.id = o.customer_id WHERE c.email LIKE '%@burst.bench' AND o.deleted_at IS NULL`
    )
    const orderToHandled = orders.filter((o) => handledAt.has(o.id)).map((o) => (handledAt.get(o.id)! - new Date(o.created_at).getTime()) / 1000)
    const lost = orders.filter((o) => !handledAt.has(o.id)).length

    let outcomes: Record<string, number> | null = null
    let orderToPrompt: number[] | null = null
    if (withPlugin) {
      const { rows } = await sql.query(
        `SELECT o.id, o.created_at, m.decision, m.reason, m.prompt_id, p.id AS prompt, p.created_at AS prompted_at
           FROM "order" o JOIN customer c ON c.id = o.customer_id
           LEFT JOIN viral_moment m ON m.trigger = 'order.placed' AND m.trigger_id = o.id AND m.deleted_at IS NULL
           LEFT JOIN referral_prompt p ON p.moment_id = m.id AND p.deleted_at IS NULL
          WHERE c.email LIKE '%@burst.bench' AND o.deleted_at IS NULL`
      )
      outcomes = {}
      for (const row of rows) {
        const key = row.prompt ? "prompt" : row.decision ? `${row.decision}:${row.reason ?? "-"}` : "no moment (lost)"
        outcomes[key] = (outcomes[key] ?? 0) + 1
      }
      outcomes["moment.prompt_id set"] = rows.filter((row) => row.prompt && row.prompt_id === row.prompt).length
      orderToPrompt = rows.filter((row) => row.prompt).map((row) => (new Date(row.prompted_at).getTime() - new Date(row.created_at).getTime()) / 1000)
    }
    const cpuMs = cpuAfter - (cpuAtBurst ?? cpuBefore)
    return {
      mode,
      creation: created,
      events: {
        orders: orders.length,
        jobs: jobs.length,
        /** Every event the burst set off: order.placed and what its handling emitted (prompts, codes, …). */
        all_events: allEvents,
        all_events_drained_seconds: (drainedAt - firstEnqueued) / 1000,
        completed: completedJobs.length,
        failed,
        lost,
        retried: jobs.filter((job) => job.attemptsMade > 1).length,
        subscriber_errors: subscriberErrors,
        events_per_second: completedJobs.length / ((lastHandled - firstEnqueued) / 1000),
        first_enqueued_at: new Date(firstEnqueued).toISOString(),
        last_handled_at: new Date(lastHandled).toISOString(),
        drain_seconds: (lastHandled - firstEnqueued) / 1000,
        handling_ms: quantiles(handlingMs),
        /** Handling time per quarter of the burst, in the order handled: a cost that grows with the store's orders shows here. */
        handling_ms_by_quarter: byQuarter(completedJobs.map((job) => ({ at: job.finishedOn!, ms: job.finishedOn! - job.processedOn! }))),
        queued_ms: quantiles(queueMs),
      },
      latency: {
        order_to_handled_s: quantiles(orderToHandled),
        order_to_prompt_s: orderToPrompt ? quantiles(orderToPrompt) : null,
      },
      outcomes,
      profile,
      worker: { cpu_ms: cpuMs, cpu_ms_per_order_event: cpuMs / Math.max(1, completedJobs.length), measured_from: cpuAtBurst === null ? "before the script" : "the burst's first event" },
    }
  } finally {
    await events.close()
    await sql.end().catch(() => undefined)
    await Promise.all([server, worker].filter(Boolean).map((process) => process!.stop()))
    await redis.flushdb()
    redis.disconnect()
    if (!process.env.BURST_KEEP_DATABASE) {
      const admin = new Client({ connectionString: `${POSTGRES_URL}/postgres` })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`)
      await admin.end()
    }
  }
}

function profileDir(mode: string) {
  return join(__dirname, "results", `profile-${mode}`)
}

/** Sends a signal to the `medusa start` node process of a process group (not npx's). */
function signalMedusa(pgid: number, signal: NodeJS.Signals) {
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === pgid && cmdline[0].endsWith("node") && /(\.bin\/medusa|cli\.js)$/.test(cmdline[1] ?? "")) {
        process.kill(Number(pid), signal)
      }
    } catch {
      // ended meanwhile
    }
  }
}

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]
  samples: number[]
  timeDeltas: number[]
}

/** Self time of the newest profile in `dir`: by package or source folder, and the top functions. */
function summarizeProfile(dir: string) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : []
  if (!files.length) return null
  const file = join(dir, files.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t)[0].f)
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const where = (url: string) => {
    if (!url) return "(native / idle / gc)"
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
    if (pkg) return pkg
    const local = /wt-[^/]+\/(src\/[^/]+\/[^/]+|[^/]+)/.exec(url)?.[1]
    return local ?? (url.startsWith("node:") ? "node internals" : url)
  }
  const byPlace = new Map<string, number>()
  const byFunction = new Map<string, number>()
  let total = 0
  for (const [id, us] of selfUs) {
    const frame = byNode.get(id)!.callFrame
    total += us
    byPlace.set(where(frame.url), (byPlace.get(where(frame.url)) ?? 0) + us)
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\//, "")}:${frame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + us)
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: us / total }))
  const summary = { file, total_ms: Math.round(total / 1000), by_place: top(byPlace, 15), top_functions: top(byFunction, 20) }
  console.log(`\nWorker CPU profile (${summary.total_ms} ms sampled), self time by place:`)
  for (const row of summary.by_place) console.log(`  ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`)
  console.log("Top functions:")
  for (const row of summary.top_functions.slice(0, 12)) console.log(`  ${(row.share * 100).toFixed(1).padStart(5)}%  ${row.name}`)
  return summary
}

/** Waits until the event queue is empty twice in a row (seeding's events handled). */
async function settle(events: ReturnType<typeof openQueue>) {
  let quiet = 0
  while (quiet < 2) {
    quiet = (await unfinishedJobs(events)) === 0 ? quiet + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** User + system CPU time of every process in a process group, in ms (Linux /proc; clock ticks of 10 ms). */
function processGroupCpuMs(pgid: number): number {
  let ticks = 0
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) === pgid) {
        // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
        ticks += Number(fields[11]) + Number(fields[12])
      }
    } catch {
      // ended meanwhile
    }
  }
  return ticks * 10
}

function byQuarter(items: { at: number; ms: number }[]) {
  const sorted = [...items].sort((a, b) => a.at - b.at)
  const size = Math.ceil(sorted.length / 4)
  return [0, 1, 2, 3].map((q) => {
    const part = sorted.slice(q * size, (q + 1) * size).map((item) => item.ms)
    const stats = quantiles(part)
    return { n: stats.n, p50: stats.p50, mean: Math.round(stats.mean) }
  })
}

function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const q = (p: number) => {
    if (!sorted.length) return NaN
    const position = (sorted.length - 1) * p
    const low = Math.floor(position)
    const high = Math.ceil(position)
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low)
  }
  return { n: sorted.length, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: sorted[sorted.length - 1] ?? NaN, mean: sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1) }
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"))
}

const fmtS = (s: number) => `${s.toFixed(s < 10 ? 2 : 0)} s`
const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`

function step(text: string) {
  console.log(`• ${text}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
