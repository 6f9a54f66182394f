import type { AxiosInstance } from "axios"
import { eventually } from "./shopper"

/**
 * Starts an admin computation (training, network) the way the dashboard does:
 * POST answers 202 with a queued run, the worker's subscriber runs it, and
 * GET `path/:id` is polled until it is done. Answers the finished run.
 */
export async function runComputation(
  api: AxiosInstance,
  path: string,
  headers: { headers: Record<string, string> },
  timeoutMs = 120_000
) {
  const queued = await api.post(path, {}, headers)
  expect(queued.status).toBe(202)
  expect(queued.data.run).toMatchObject({ id: expect.any(String), status: "queued", result: null })
  return await eventually(async () => {
    const { data } = await api.get(`${path}/${queued.data.run.id}`, headers)
    expect(["done", "failed"]).toContain(data.run.status)
    return data.run
  }, timeoutMs)
}
