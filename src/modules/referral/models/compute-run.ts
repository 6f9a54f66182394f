import { model } from "@medusajs/framework/utils"
import { COMPUTE_RUN_KINDS, COMPUTE_RUN_STATUSES } from "../../../types/referral/constants"

/**
 * One CPU-heavy computation an admin asked for (train the propensity model,
 * recompute the network). The request only queues it and answers this row;
 * the worker claims it (`queued` → `running`, once, whichever instance gets
 * the event first) and records the outcome (`result`) or the failure (`error`).
 */
const ComputeRun = model.define(
  { tableName: "referral_compute_run", name: "ComputeRun" },
  {
    id: model.id({ prefix: "refrun" }).primaryKey(),
    kind: model.enum([...COMPUTE_RUN_KINDS]),
    status: model.enum([...COMPUTE_RUN_STATUSES]).default("queued"),
    result: model.json().nullable(),
    error: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
    metadata: model.json().nullable(),
  }
)

export default ComputeRun
