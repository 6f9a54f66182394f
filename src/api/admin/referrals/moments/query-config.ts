import { allowedFrom } from "../query-config"

export const defaultAdminMomentFields = ["id", "customer_id", "trigger", "trigger_id", "signals", "score", "propensity",
  "propensity_band", "decision", "reason", "prompt_id", "variant", "metadata", "created_at"]

export const listMomentsQueryConfig = {
  defaults: defaultAdminMomentFields,
  allowed: allowedFrom(defaultAdminMomentFields),
  defaultLimit: 20,
  isList: true,
}
