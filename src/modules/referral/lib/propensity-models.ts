import type { Knex } from "./transaction"

/** The active model, its row locked so two trainings finishing together cannot both replace it. */
export async function lockActivePropensityModel(
  knex: Knex
): Promise<{ id: string; kind: "gradient_boosting" | "heuristic"; auc: number | null } | undefined> {
  const [active] = await knex("propensity_model")
    .select("id", "kind", "auc")
    .where({ status: "active" })
    .whereNull("deleted_at")
    .forUpdate()
  return active
}

/** The version the next stored model takes. */
export async function nextPropensityModelVersion(knex: Knex): Promise<number> {
  const [{ max }] = await knex("propensity_model").max("version as max")
  return Number(max ?? 0) + 1
}

export async function retirePropensityModel(knex: Knex, id: string) {
  await knex("propensity_model").update({ status: "retired", updated_at: new Date() }).where("id", id)
}

/** Compensation of a save: drop the new version and give the previous active model back its place. */
export async function revertPropensityModelSave(knex: Knex, saved: { id: string; previous_active_id: string | null }) {
  await knex("propensity_model").where("id", saved.id).delete()
  if (saved.previous_active_id) {
    await knex("propensity_model").update({ status: "active" }).where("id", saved.previous_active_id)
  }
}
