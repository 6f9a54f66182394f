#!/usr/bin/env node
/**
 * What the tests and the demo need from the machine, checked before they start:
 *
 *   node tools/check-env.js test   # run by `npm test`; what it checks depends on TEST_TYPE
 *   node tools/check-env.js demo   # run by `npm run demo`: PostgreSQL and a free port
 *
 * Prints one line per missing service, naming it and the command that installs
 * or starts it, and exits 1, so nothing runs half-way. `bash .ci/run` installs
 * and starts all of them. Plain Node and `pg` only: it must run before anything else.
 */
const fs = require("fs")
const net = require("net")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")
const sudo = typeof process.getuid === "function" && process.getuid() !== 0 ? "sudo " : ""
const onPath = (command) =>
  (process.env.PATH ?? "").split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK)
      return true
    } catch {
      return false
    }
  })

/** The variables of .env.test (the tests' PostgreSQL user), without overriding the environment. */
function testEnv() {
  const env = {}
  try {
    for (const line of fs.readFileSync(path.join(ROOT, ".env.test"), "utf8").split("\n")) {
      const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line)
      if (match) env[match[1]] = match[2]
    }
  } catch {
    // no .env.test: the defaults below
  }
  return { ...env, ...process.env }
}

function postgresStart() {
  if (onPath("pg_ctlcluster")) {
    return `${sudo}pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start`
  }
  return `${sudo}apt-get install -y postgresql && ${sudo}pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start`
}

/** Connects as the given user: answers null when PostgreSQL accepts, else the line to print. */
async function checkPostgres(url, label, overrideVariable) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return null
  } catch (error) {
    const refused = ["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"].includes(error.code) || /timeout/i.test(error.message)
    if (refused) {
      return `PostgreSQL is not answering on ${label}: ${postgresStart()}  (or point ${overrideVariable} at one)`
    }
    return `PostgreSQL on ${label} refuses the connection (${error.message}): allow it in pg_hba.conf or point ${overrideVariable} at one`
  } finally {
    await client.end().catch(() => {})
  }
}

/** PING over a plain socket: answers null on +PONG, else the line to print. */
async function checkRedis(host, port) {
  const answered = await new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(3000, () => done(false))
    socket.on("error", () => done(false))
    socket.on("connect", () => socket.write("PING\r\n"))
    socket.on("data", (data) => done(String(data).startsWith("+PONG")))
  })
  if (answered) return null
  const start = `redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no`
  const command = onPath("redis-server") ? start : `${sudo}apt-get install -y redis-server && ${start}`
  return `Redis is not answering on ${host}:${port}: ${command}`
}

function checkChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
  try {
    fs.accessSync(chromium, fs.constants.X_OK)
    return null
  } catch {
    return `Chromium is missing at ${chromium} (the browser tests drive it): ${sudo}apt-get install -y chromium  (or set CHROMIUM_PATH)`
  }
}

async function checkPortFree(port) {
  const free = await new Promise((resolve) => {
    const probe = net.createServer()
    probe.once("error", () => resolve(false))
    probe.listen(port, () => probe.close(() => resolve(true)))
  })
  return free ? null : `Port ${port} is in use (another Medusa?): stop it, or run the demo on another port with PORT=9001 npm run demo`
}

/** What each kind of test needs; no TEST_TYPE runs them all. */
const NEEDS = {
  unit: ["redis"], // the rate limiter's Redis store is tested against a real Redis
  "integration:modules": ["postgres"],
  "integration:http": ["postgres"],
  "integration:production": ["postgres", "redis"],
  e2e: ["postgres", "chromium"],
}

async function main() {
  const target = process.argv[2] ?? "test"
  const problems = []
  if (target === "demo") {
    const pgUrl = process.env.DEMO_POSTGRES_URL ?? "postgres://postgres@localhost:5432"
    problems.push(await checkPostgres(`${pgUrl}/postgres`, pgUrl.replace(/^postgres(ql)?:\/\/([^@]*@)?/, ""), "DEMO_POSTGRES_URL"))
    problems.push(await checkPortFree(Number(process.env.PORT ?? 9000)))
  } else {
    const type = process.env.TEST_TYPE
    const needs = new Set(NEEDS[type] ?? Object.values(NEEDS).flat())
    const env = testEnv()
    if (needs.has("postgres")) {
      const host = env.DB_HOST || "localhost"
      const user = env.DB_USERNAME || "postgres"
      const password = env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : ""
      problems.push(await checkPostgres(`postgres://${user}${password}@${host}:5432/postgres`, `${host}:5432 (user ${user})`, "DB_HOST in .env.test"))
    }
    if (needs.has("redis")) problems.push(await checkRedis("127.0.0.1", 6379))
    if (needs.has("chromium")) problems.push(checkChromium())
  }
  const missing = problems.filter(Boolean)
  for (const line of missing) console.error(line)
  if (missing.length) process.exit(1)
}

main().catch((error) => {
  console.error(`Could not check the environment: ${error.message}`)
  process.exit(1)
})
