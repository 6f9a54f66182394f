import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { ComputeRunKind, ComputeRunOf } from "../../types"
import { queueComputeRunWorkflow } from "../../workflows"

const FIELDS = ["id", "kind", "status", "result", "error", "created_at", "started_at", "finished_at"]

/** A computation of the given kind, as polled by the admin; 404 for another kind's id too. */
export async function retrieveComputeRun<Result>(
  scope: MedusaContainer,
  id: string,
  kind: ComputeRunKind
): Promise<ComputeRunOf<Result>> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "compute_run", fields: FIELDS, filters: { id, kind } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Compute run ${id} was not found`)
  }
  return data[0] as unknown as ComputeRunOf<Result>
}

/**
 * Queues a computation for the worker and answers its run as queued, to poll.
 * Not read back: a worker (or this instance's subscriber) may already have
 * claimed it, and the poll is what reports its progress.
 */
export async function queueComputeRun<Result>(scope: MedusaContainer, kind: ComputeRunKind): Promise<ComputeRunOf<Result>> {
  const { result } = await queueComputeRunWorkflow(scope).run({ input: { kind } })
  const run = result as unknown as Record<string, unknown>
  return Object.fromEntries(FIELDS.map((field) => [field, run[field] ?? null])) as unknown as ComputeRunOf<Result>
}
