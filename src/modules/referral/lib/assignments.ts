import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "./transaction"

/** Inserts experiment assignments, leaving a customer's existing one in an experiment as it is. */
export async function insertAssignmentsOnce(
  knex: Knex,
  rows: { experiment_id: string; customer_id: string; variant_key: string }[]
) {
  const now = new Date()
  await knex("referral_assignment")
    .insert(rows.map((row) => ({ ...row, id: generateEntityId(undefined, "refasg"), created_at: now, updated_at: now })))
    .onConflict(knex.raw("(experiment_id, customer_id) WHERE deleted_at IS NULL"))
    .ignore()
}
