/** Events the plugin emits, each with an `{ id }` payload of the named record. */
export const ReferralEvents = {
  CODE_CREATED: "referral.code_created",
  CONVERTED: "referral.converted",
  REJECTED: "referral.rejected",
  REWARD_ISSUED: "referral.reward_issued",
  REWARD_REVOKED: "referral.reward_revoked",
  PROMPT_CREATED: "referral.prompt_created",
} as const
