/**
 * Running Medusa as separate processes, the way a store does: a fresh database,
 * the CLI for migrations and users, and servers in their own process groups.
 * Used by the demo, the browser tests, the production tests and the load and burst benchmarks.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "child_process"
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "fs"
import { createServer } from "net"
import { join } from "path"
import { Client } from "pg"

export const POSTGRES_URL = process.env.DEMO_POSTGRES_URL ?? "postgres://postgres@localhost:5432"

/** Drops and creates `database`; a clear message when PostgreSQL does not answer. */
export async function recreateDatabase(database: string, pgUrl = POSTGRES_URL) {
  const client = new Client({ connectionString: `${pgUrl}/postgres` })
  try {
    await client.connect()
  } catch {
    throw new Error(
      `PostgreSQL does not answer at ${pgUrl}. Start it (on Debian: pg_ctlcluster <version> main start) ` +
        `or point DEMO_POSTGRES_URL at one.`
    )
  }
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${database}"`)
  } finally {
    await client.end()
  }
  return `${pgUrl}/${database}`
}

/** Runs a Medusa CLI command (`db:migrate`, `user …`, `build …`); a failure carries the command's last output. */
export function medusaCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string) {
  try {
    execFileSync("npx", ["medusa", ...args], { env, cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: Buffer; stderr?: Buffer }
    const output = `${stdout}\n${stderr}`.split("\n").filter((line) => line.trim() && !line.includes("npm warn"))
    throw new Error(`medusa ${args.join(" ")} failed:\n${output.slice(-25).join("\n")}`)
  }
}

/** `medusaCli` without blocking this process (for a long `medusa exec` while the caller keeps watching). */
export async function medusaCliAsync(args: string[], env: NodeJS.ProcessEnv, cwd?: string) {
  await new Promise<void>((resolve, reject) =>
    execFile("npx", ["medusa", ...args], { env, cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve()
      const output = `${stdout}\n${stderr}`.split("\n").filter((line) => line.trim() && !line.includes("npm warn"))
      reject(new Error(`medusa ${args.join(" ")} failed:\n${output.slice(-25).join("\n")}`))
    })
  )
}

/** A port nobody listens on right now: the OS picks it for a moment, then lets it go. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export type MedusaServer = { url: string; process: ChildProcess; stop: () => Promise<void> }

/**
 * Starts `medusa develop` or `medusa start` on `port` and resolves once /health
 * answers. The server gets its own process group, so `stop()` ends it and its
 * watchers together (killing the npx parent alone would leave the port taken).
 */
export async function startMedusa(
  command: "develop" | "start",
  {
    port,
    env,
    log = "inherit",
    timeoutMs = 180_000,
    cwd,
  }: { port: number; env: NodeJS.ProcessEnv; log?: "inherit" | "quiet"; timeoutMs?: number; cwd?: string }
): Promise<MedusaServer> {
  const child = spawn("npx", ["medusa", command, "--port", String(port)], {
    env: { ...env, PORT: String(port) },
    cwd,
    detached: true,
    stdio: log === "inherit" ? ["ignore", "ignore", "inherit"] : ["ignore", "pipe", "pipe"],
  })
  // The last output, for the error message when a quiet server dies before answering.
  let lastOutput = ""
  const keep = (chunk: Buffer) => (lastOutput = (lastOutput + chunk.toString()).slice(-4000))
  child.stdout?.on("data", keep)
  child.stderr?.on("data", keep)
  let exitCode: number | null = null
  child.on("exit", (code) => (exitCode = code ?? 0))
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()))
  const stop = async () => {
    if (exitCode !== null) return
    try {
      process.kill(-child.pid!, "SIGTERM")
    } catch {
      return // already gone
    }
    const killed = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL")
      } catch {
        // gone meanwhile
      }
    }, 10_000)
    await exited
    clearTimeout(killed)
  }

  const url = `http://localhost:${port}`
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (exitCode !== null) {
      throw new Error(`medusa ${command} exited with code ${exitCode} before answering on ${url}\n${lastOutput}`)
    }
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return { url, process: child, stop }
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  await stop()
  throw new Error(`medusa ${command} did not answer on ${url} within ${timeoutMs / 1000}s`)
}

/**
 * A Medusa app directory with this repository's medusa-config.ts and
 * node_modules but no `src/`: run there with `SMART_REFERRALS_DISABLED=true`,
 * Medusa is the same store without the plugin (no referral module, and none
 * of the plugin's subscribers, routes or jobs, which Medusa loads from the
 * app's own `src/`). Kept under .medusa/ (ignored by git), so ts-node finds
 * this repository's tsconfig.json. Answers the directory.
 */
export function bareMedusaHost(repositoryRoot = join(__dirname, "..")): string {
  const host = join(repositoryRoot, ".medusa", "bare-host")
  mkdirSync(host, { recursive: true })
  writeFileSync(
    join(host, "medusa-config.ts"),
    `// Written by bareMedusaHost (tools/medusa-process.ts): the repository's config, from a directory without src/.\n` +
      `module.exports = require(${JSON.stringify(join(repositoryRoot, "medusa-config"))})\n`
  )
  writeFileSync(join(host, "package.json"), JSON.stringify(
      // The Medusa CLI runs only in a directory whose package.json depends on Medusa.
      { name: "smart-referrals-bare-host", private: true, dependencies: { "@medusajs/medusa": "*" } },
      null,
      2
    ) + "\n")
  if (!existsSync(join(host, "node_modules"))) {
    symlinkSync(join(repositoryRoot, "node_modules"), join(host, "node_modules"))
  }
  return host
}
