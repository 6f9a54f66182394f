import { model } from "@medusajs/framework/utils"

/**
 * The bandit's counts per (arm, context); context `*` is the arm's global
 * tally that sparse contexts are pooled toward. Only ever changed by atomic
 * SQL increments (insert … on conflict do update), never read-modify-write.
 * Successes and failures are fractional: a settled prompt adds its success
 * weight r and 1 − r (see `ml/bandit/outcome-weight`).
 */
const BanditState = model
  .define(
    { tableName: "bandit_state", name: "BanditState" },
    {
      id: model.id({ prefix: "refbs" }).primaryKey(),
      arm_id: model.text(),
      context_key: model.text(),
      pulls: model.number().default(0),
      successes: model.float().default(0),
      failures: model.float().default(0),
    }
  )
  .indexes([
    {
      name: "IDX_bandit_state_arm_context_unique",
      on: ["arm_id", "context_key"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default BanditState
