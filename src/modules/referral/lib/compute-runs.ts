import type { ComputeRunKind } from "../../../types/referral/constants"
import type { Knex } from "./transaction"

/**
 * Takes a queued run for this worker: `queued` → `running` in one conditional
 * statement, so a redelivered event or a second instance finds nothing to take.
 */
export async function claimQueuedComputeRun(knex: Knex, id: string): Promise<{ id: string; kind: ComputeRunKind } | null> {
  const [claimed] = await knex("referral_compute_run")
    .update({ status: "running", started_at: new Date(), updated_at: new Date() })
    .where({ id, status: "queued" })
    .whereNull("deleted_at")
    .returning(["id", "kind"])
  return claimed ?? null
}
