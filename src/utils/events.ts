/** Events the plugin emits, each with an `{ id }` payload of the named record. */
export const ReferralEvents = {
  CODE_CREATED: "referral.code_created",
  /** A referral really converted: at once, or when an admin approved it after review. */
  CONVERTED: "referral.converted",
  /** A conversion held for an admin (flagged by a fraud rule, or the program reviews every one). */
  REVIEW_REQUIRED: "referral.review_required",
  REJECTED: "referral.rejected",
  REWARD_ISSUED: "referral.reward_issued",
  REWARD_REVOKED: "referral.reward_revoked",
  PROMPT_CREATED: "referral.prompt_created",
  /** An admin asked for a computation (training, network); the worker's subscriber runs it. */
  COMPUTE_RUN_QUEUED: "referral.compute_run_queued",
  /** An admin named the program switch (`enabled`) in a settings change; the payload is the saved settings version. */
  PROGRAM_SWITCHED: "referral.program_switched",
} as const
