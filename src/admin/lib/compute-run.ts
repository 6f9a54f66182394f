import type { ComputeRunOf, Serialized } from "../../types"
import { sdk } from "./sdk"

const POLL_MS = 1000

/**
 * Starts a computation the server runs on its worker (POST `path` answers 202
 * with a run) and polls `path/:id` until it is done; answers its result, or
 * throws the run's error.
 */
export async function runToCompletion<Result>(path: string): Promise<Serialized<Result>> {
  type Run = Serialized<ComputeRunOf<Result>>
  let { run } = await sdk.client.fetch<{ run: Run }>(path, { method: "POST" })
  while (run.status === "queued" || run.status === "running") {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    ;({ run } = await sdk.client.fetch<{ run: Run }>(`${path}/${run.id}`))
  }
  if (run.status === "failed" || run.result === null) {
    throw new Error(run.error ?? "The computation failed")
  }
  return run.result as Serialized<Result>
}
