/**
 * Forks propensity-worker.ts for one (model, size) and waits for its result.
 * The worker reports when fit starts and ends, so a fit that runs past its
 * budget is killed and reported as skipped.
 */
import { fork } from "child_process"
import path from "path"
import type { Measurement } from "./measurement"
import type { ModelId } from "./models"
import type { WorkerMessage } from "./propensity-worker"

export type WorkerOutcome = { ok: true; result: Measurement } | { ok: false; reason: string }

const WORKER = path.join(__dirname, "propensity-worker.ts")
/** 1M rows as number[][] plus the column-major copy outgrow Node's default heap limit. */
const EXEC_ARGV = ["--max-old-space-size=4096", "-r", require.resolve("ts-node/register/transpile-only")]
/** Safety net for the whole worker (data, fit and scoring). */
const TOTAL_BUDGET_MS = 15 * 60_000

export function runWorker(model: ModelId, rows: number, fitBudgetMs: number): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const child = fork(WORKER, [model, String(rows)], { execArgv: EXEC_ARGV, stdio: ["ignore", "inherit", "pipe", "ipc"] })
    let result: Measurement | null = null
    let stderr = ""
    let killedFor: string | null = null
    const kill = (reason: string) => {
      killedFor = reason
      child.kill("SIGKILL")
    }
    const total = setTimeout(() => kill(`failed: worker ran past ${TOTAL_BUDGET_MS / 1000} s`), TOTAL_BUDGET_MS)
    let fit: NodeJS.Timeout | undefined

    child.stderr?.on("data", (chunk) => {
      stderr += chunk
      process.stderr.write(chunk)
    })
    child.on("message", (message: WorkerMessage) => {
      if (message.type === "fit-start") {
        fit = setTimeout(() => kill(`skipped: fit exceeded the ${fitBudgetMs / 1000} s budget`), fitBudgetMs)
      } else if (message.type === "fit-end") {
        clearTimeout(fit)
      } else result = message.result
    })
    child.on("exit", (code, signal) => {
      clearTimeout(total)
      clearTimeout(fit)
      if (result) resolve({ ok: true, result })
      else resolve({ ok: false, reason: killedFor ?? `failed (${signal ?? `exit ${code}`}): ${errorLine(stderr)}` })
    })
  })
}

function errorLine(stderr: string): string {
  const lines = stderr.split("\n").filter((line) => line.trim() !== "")
  return lines.find((line) => /Error/.test(line))?.trim() ?? lines[lines.length - 1] ?? "no output"
}
