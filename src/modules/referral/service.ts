import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import IncentiveArm from "./models/incentive-arm"
import BanditState from "./models/bandit-state"
import PropensityModel from "./models/propensity-model"
import CustomerNetwork from "./models/customer-network"
import ComputeRun from "./models/compute-run"
import ReferralAssignment from "./models/referral-assignment"
import ReferralCartOrigin from "./models/referral-cart-origin"
import ReferralExperiment from "./models/referral-experiment"
import ReferralVariant from "./models/referral-variant"
import ReferralMessage from "./models/referral-message"
import ReferralPrompt from "./models/referral-prompt"
import ViralMoment from "./models/viral-moment"
import Referral from "./models/referral"
import ReferralCode from "./models/referral-code"
import ReferralProgram from "./models/referral-program"
import ReferralReward from "./models/referral-reward"
import ReferralTouch from "./models/referral-touch"
import ReferralSecret from "./models/referral-secret"
import { PROGRAM_DEFAULTS, type ProgramSettings } from "./program-defaults"
import { decidePromotion } from "../../ml/propensity/promotion-decision"
import type { NetworkNode } from "../../ml/graph"
import { resolveRateLimitOptions, type ResolvedRateLimitOptions } from "../../utils/rate-limit-options"
import { resolveRewardLeaseMs } from "../../utils/reward-lease"
import { resolveNotificationOptions, type ResolvedNotificationOptions } from "../../utils/notification-options"
import type { CartOrigin } from "../../types/referral/cart-origin"
import type {
  ClaimedRewardSettlement,
  ConvertReferralInput,
  ConvertReferralResult,
  IReferralModuleService,
  ReferralModuleOptions,
  RewardTransitionData,
  SavedPropensityModel,
  TrainedPropensityRow,
} from "../../types/referral/service"
import type { AnonymisedRows } from "../../types/referral/privacy"
import { DAY_MS, type RewardStatus } from "../../types/referral/constants"
import { decrementBandit, incrementBandit } from "./lib/bandit-counters"
import {
  closingOutcome,
  countCodeUse,
  firstOrderTouchRow,
  heldReferrerRewardRow,
  lockFriendIdentity,
  lockReferralCode,
  refereeRewardRow,
  revertConversion,
  reviewReason,
} from "./lib/conversion"
import { pickSettings } from "./lib/program-settings"
import { insertAssignmentsOnce } from "./lib/assignments"
import { applyPromptBanditValue, expireOpenPrompts, reopenSettledPrompt, settleOpenPrompt } from "./lib/prompt-outcomes"
import { moveReferral, moveRewards, releaseStalledClaims, settleClaim } from "./lib/status-transitions"
import { replaceNetworkRows } from "./lib/customer-network"
import { anonymiseCustomerRows, applyRetentionRows } from "./lib/erasure"
import {
  confirmPropensityModel,
  lockActivePropensityModel,
  nextPropensityModelVersion,
  propensityModelRow,
  retirePropensityModel,
  revertPropensityModelConfirmation,
  revertPropensityModelSave,
  supersedeAwaitingPropensityModels,
} from "./lib/propensity-models"
import { claimQueuedComputeRun } from "./lib/compute-runs"
import { knexOf, transactionOf } from "./lib/transaction"
import { upsertCartOrigin } from "./lib/cart-origins"
import { retrieveNetworkOverview } from "./queries/network-overview"
import { listReferralSubtree } from "./queries/referral-subtree"
import { listReferralEdges } from "./queries/referral-edges"
import { listExperimentOutcomes } from "./queries/experiment-outcomes"
import { listPromptValues, type PromptValueInput } from "./queries/prompt-values"
import { listBanditEvidence } from "./queries/bandit-evidence"
import {
  listMomentReach,
  listMomentTimingEvidence,
  listMomentValues,
  type MomentTimingEvidenceInput,
  type MomentTimingWindow,
} from "./queries/moment-timing-evidence"
import { retrieveLoopSummary } from "./queries/loop-summary"

export type { ConvertReferralInput, ConvertReferralResult, ReferralModuleOptions } from "../../types/referral/service"
export { GLOBAL_CONTEXT } from "./lib/bandit-counters"

class ReferralModuleService
  extends MedusaService({
    ReferralProgram,
    IncentiveArm,
    ReferralCode,
    Referral,
    ReferralReward,
    ReferralTouch,
    PropensityModel,
    ViralMoment,
    ReferralPrompt,
    BanditState,
    ReferralMessage,
    CustomerNetwork,
    ComputeRun,
    ReferralExperiment,
    ReferralVariant,
    ReferralAssignment,
    ReferralSecret,
    ReferralCartOrigin,
  })
  implements IReferralModuleService
{
  protected readonly options_: ReferralModuleOptions
  protected readonly rewardLeaseMs_: number
  protected readonly rateLimit_: ResolvedRateLimitOptions
  protected readonly notifications_: ResolvedNotificationOptions

  constructor(container: Record<string, unknown>, options: ReferralModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
    // Resolved here so a bad limit stops the server at startup, not every request later.
    this.rateLimit_ = resolveRateLimitOptions(this.options_.rate_limit)
    this.rewardLeaseMs_ = resolveRewardLeaseMs(this.options_.reward_lease_seconds)
    this.notifications_ = resolveNotificationOptions(this.options_.notifications)
  }

  /** How referral notifications are sent (defaults filled in). */
  getNotificationOptions(): ResolvedNotificationOptions {
    return this.notifications_
  }

  /** How old an `issuing` claim must be before the release takes the reward over (`reward_lease_seconds`). */
  getRewardLeaseMs(): number {
    return this.rewardLeaseMs_
  }

  /** The plugin options the store configured, for routes and steps that need them. */
  getOptions(): ReferralModuleOptions {
    return this.options_
  }

  /** The public endpoints' rate limits in force (defaults filled in). */
  getRateLimitOptions(): ResolvedRateLimitOptions {
    return this.rateLimit_
  }

  /** The settings in force: the newest version, or the documented defaults before any was saved. */
  @InjectManager()
  async retrieveProgramSettings(@MedusaContext() sharedContext: Context = {}): Promise<ProgramSettings> {
    const [latest] = await this.listReferralPrograms(
      {},
      { order: { version: "DESC" }, take: 1 },
      sharedContext
    )
    return latest ? { ...PROGRAM_DEFAULTS, ...pickSettings(latest) } : { ...PROGRAM_DEFAULTS, version: 0 }
  }

  /**
   * Saves a new version of the settings on top of the one in force. Two admins
   * saving at once cannot both win: the version is unique.
   */
  @InjectTransactionManager()
  async saveProgramSettings(
    changes: Partial<ProgramSettings>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const current = await this.retrieveProgramSettings(sharedContext)
    const { version: _ignored, ...rest } = { ...current, ...changes }
    const [saved] = await this.createReferralPrograms([{ ...rest, version: current.version + 1 }], sharedContext)
    return saved
  }

  /**
   * Converts a pending referral for a placed order, exactly once. The referrer's
   * code row is locked so concurrent orders for one referrer count the cap one
   * after another; a referral that is no longer pending is left as it is, which
   * makes a redelivered `order.placed` a no-op.
   */
  @InjectManager()
  async convertReferral(
    input: ConvertReferralInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConvertReferralResult> {
    return await this.convertReferral_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async convertReferral_(
    input: ConvertReferralInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ConvertReferralResult> {
    const knex = transactionOf(sharedContext)
    const now = input.now ?? new Date()
    const referral = await this.retrieveReferral(input.referral_id, {}, sharedContext)

    await lockReferralCode(knex, referral.referral_code_id)
    await lockFriendIdentity(knex, [
      input.referee_customer_id ?? referral.referee_customer_id,
      input.referee_email ?? referral.referee_email,
    ])
    const fresh = await this.retrieveReferral(input.referral_id, {}, sharedContext)
    if (fresh.status !== "pending") {
      return { outcome: "unchanged", referral_id: fresh.id, reason: fresh.reason }
    }

    const settings = await this.retrieveProgramSettings(sharedContext)
    const order = {
      order_id: input.order_id,
      order_total: input.order_total,
      currency_code: input.currency_code,
      referee_customer_id: input.referee_customer_id ?? referral.referee_customer_id,
      referee_email: input.referee_email ?? referral.referee_email,
    }
    const closed = await closingOutcome(knex, { ...referral, ...order }, input, settings, now)
    if (closed) {
      await this.updateReferrals({ id: referral.id, ...order, status: closed.outcome, reason: closed.reason }, sharedContext)
      return { ...closed, referral_id: referral.id }
    }

    // A flagged friend still keeps the discount; only the referrer's reward waits for an admin.
    const flags = input.flags?.length ? input.flags : null
    const reason = reviewReason(flags, input.referrer_reward, settings)
    const status = reason ? "review" : "converted"
    await this.updateReferrals(
      { id: referral.id, ...order, status, converted_at: now, reason, flags },
      sharedContext
    )
    await countCodeUse(knex, referral.referral_code_id)
    await this.createReferralTouches([firstOrderTouchRow(referral, order.referee_customer_id)], sharedContext)
    await this.createReferralRewards(
      [refereeRewardRow(referral.id, order.referee_customer_id, input, now)],
      sharedContext
    )
    if (status === "converted" && input.referrer_reward) {
      await this.holdReferrerReward_(referral.id, { referrer_reward: input.referrer_reward }, settings, now, sharedContext)
    }
    return { outcome: status, referral_id: referral.id, reason }
  }

  /** Compensation of `convertReferral`: back to pending, with the rewards and touch it created removed. */
  @InjectTransactionManager()
  async undoConversion(referralId: string, @MedusaContext() sharedContext: Context = {}) {
    const referral = await this.retrieveReferral(referralId, {}, sharedContext)
    await revertConversion(transactionOf(sharedContext), referral)
  }

  /** Creates the referrer's held reward for a referral an admin approved after review. */
  @InjectTransactionManager()
  async approveReferral(
    id: string,
    referrerReward: NonNullable<ConvertReferralInput["referrer_reward"]>,
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!(await moveReferral(transactionOf(sharedContext), id, ["review"], "converted", null))) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Referral ${id} is not waiting for review`)
    }
    const settings = await this.retrieveProgramSettings(sharedContext)
    await this.holdReferrerReward_(
      id,
      { referrer_reward: referrerReward },
      settings,
      new Date(),
      sharedContext
    )
    return await this.retrieveReferral(id, { relations: ["rewards"] }, sharedContext)
  }

  protected async holdReferrerReward_(
    referralId: string,
    input: { referrer_reward: NonNullable<ConvertReferralInput["referrer_reward"]> },
    settings: ProgramSettings,
    now: Date,
    sharedContext: Context
  ) {
    const referral = await this.retrieveReferral(referralId, {}, sharedContext)
    await this.createReferralRewards(
      [heldReferrerRewardRow(referral, input.referrer_reward, settings, now)],
      sharedContext
    )
  }

  /** All-time counts of the loop (see `queries/loop-summary`). */
  @InjectManager()
  async retrieveLoopSummary(@MedusaContext() sharedContext: Context = {}) {
    return await retrieveLoopSummary(knexOf(sharedContext))
  }

  /**
   * Records a trained propensity model as the next version and, if it measures
   * up to the active one (`decidePromotion`), makes it active and retires the
   * old one, all in one transaction with the active row locked, so two
   * trainings finishing together cannot both become active. One that would
   * move the share of customers not asked by more than `max_suppressed_shift`
   * waits for an admin (`confirmPropensityModel`).
   */
  @InjectTransactionManager()
  async savePropensityModel(
    trained: TrainedPropensityRow,
    rules: { tolerance: number; max_suppressed_shift: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SavedPropensityModel> {
    const knex = transactionOf(sharedContext)
    const active = await lockActivePropensityModel(knex)
    const version = await nextPropensityModelVersion(knex)
    const { suppressed_share: candidate, active_suppressed_share: current } = trained
    const shift =
      candidate !== null && current !== null ? { candidate, active: current, max_shift: rules.max_suppressed_shift } : undefined
    const decision = decidePromotion(trained, active ?? null, rules.tolerance, shift)
    if (decision.promote && active) {
      await retirePropensityModel(knex, active.id)
    }
    const superseded_ids = await supersedeAwaitingPropensityModels(knex, version)
    const [created] = await this.createPropensityModels([propensityModelRow(trained, version, decision)], sharedContext)
    const previous_active_id = decision.promote && active ? active.id : null
    return { id: created.id, version: created.version, decision, previous_active_id, superseded_ids }
  }

  /** Compensation of `savePropensityModel`: drop the new version and give the previous active model back its place. */
  @InjectTransactionManager()
  async undoSavePropensityModel(
    saved: { id: string; previous_active_id: string | null; superseded_ids?: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await revertPropensityModelSave(transactionOf(sharedContext), saved)
  }

  /** An admin confirms a model awaiting confirmation: it becomes active (see `lib/propensity-models`). */
  @InjectTransactionManager()
  async confirmPropensityModel(id: string, @MedusaContext() sharedContext: Context = {}) {
    return await confirmPropensityModel(transactionOf(sharedContext), id)
  }

  /** Compensation of `confirmPropensityModel`. */
  @InjectTransactionManager()
  async undoConfirmPropensityModel(
    confirmed: { id: string; previous_active_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await revertPropensityModelConfirmation(transactionOf(sharedContext), confirmed)
  }

  /** Takes a queued compute run, once across redeliveries and instances; null if another took it. */
  @InjectTransactionManager()
  async claimComputeRun(id: string, @MedusaContext() sharedContext: Context = {}) {
    return await claimQueuedComputeRun(transactionOf(sharedContext), id)
  }

  /** Counts a decision for an arm in its context and globally: one atomic upsert per key. */
  @InjectTransactionManager()
  async recordBanditPull(armId: string, contextKey: string, @MedusaContext() sharedContext: Context = {}) {
    await incrementBandit(transactionOf(sharedContext), [{ arm_id: armId, context_key: contextKey }], "pulls")
  }

  /**
   * Settles an open prompt as converted (a friend's referral converted) or
   * expired, exactly once: only the call that moves the prompt out of `open`
   * counts, so a redelivered event or a second server instance changes
   * nothing. An expiry is the bandit's failure at once; a conversion is
   * counted when its value is final (`setPromptBanditValues`).
   */
  @InjectTransactionManager()
  async resolvePrompt(
    promptId: string,
    outcome: "converted" | "expired",
    referralId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await settleOpenPrompt(transactionOf(sharedContext), promptId, outcome, referralId)
  }

  /** Expires every open prompt past its time in one statement and counts each as a failure once. */
  @InjectTransactionManager()
  async expireDuePrompts(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await expireOpenPrompts(transactionOf(sharedContext), now)
  }

  /**
   * Records settled prompts' success weights and moves their arms' counters
   * by the difference, in one transaction: each prompt row is locked and
   * changed only when its weight differs, so a redelivery changes nothing.
   */
  @InjectTransactionManager()
  async setPromptBanditValues(
    values: { prompt_id: string; weight: number | null }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ prompt_id: string; previous: number | null }[]> {
    const knex = transactionOf(sharedContext)
    const changed: { prompt_id: string; previous: number | null }[] = []
    for (const { prompt_id, weight } of values) {
      const applied = await applyPromptBanditValue(knex, prompt_id, weight)
      if (applied) {
        changed.push({ prompt_id, previous: applied.previous })
      }
    }
    return changed
  }

  /** Counters and open prompts' censored failures per (arm, context) (see `queries/bandit-evidence`). */
  @InjectManager()
  async listBanditEvidence(
    input: { arm_ids: string[]; context_keys: string[]; global_key: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await listBanditEvidence(knexOf(sharedContext), input)
  }

  /** Asks and values per moment kind in a timing context, and how often later moments are reached (see `queries/moment-timing-evidence`). */
  @InjectManager()
  async listMomentTimingEvidence(input: MomentTimingEvidenceInput, @MedusaContext() sharedContext: Context = {}) {
    return await listMomentTimingEvidence(knexOf(sharedContext), input)
  }

  /** Every context's asks and values per moment kind, and the reach of each (from, to) pair, for the admin. */
  @InjectManager()
  async listMomentTimingOverview(
    window: MomentTimingWindow,
    pairs: { from: string; to: string }[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = knexOf(sharedContext)
    const [values, reach] = await Promise.all([listMomentValues(knex, window), listMomentReach(knex, window, pairs)])
    return { values, reach }
  }

  /** The network at a glance (see `queries/network-overview`). */
  @InjectManager()
  async retrieveNetworkOverview(limit: number, @MedusaContext() sharedContext: Context = {}) {
    return await retrieveNetworkOverview(knexOf(sharedContext), limit)
  }

  /** Every converted referral with a known friend, as an edge (see `queries/referral-edges`). */
  @InjectManager()
  async listReferralEdges(@MedusaContext() sharedContext: Context = {}) {
    return await listReferralEdges(knexOf(sharedContext))
  }

  /** The converted referrals below a customer, level by level (see `queries/referral-subtree`). */
  @InjectManager()
  async listReferralSubtree(customerId: string, depth: number, @MedusaContext() sharedContext: Context = {}) {
    return await listReferralSubtree(knexOf(sharedContext), customerId, depth)
  }

  /** Records customers' variants once per experiment (later calls for the same customer change nothing). */
  @InjectTransactionManager()
  async recordAssignments(
    rows: { experiment_id: string; customer_id: string; variant_key: string }[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!rows.length) {
      return
    }
    await insertAssignmentsOnce(transactionOf(sharedContext), rows)
  }

  /** Per variant of an experiment: assigned, asked, converted, revenue and cost (see `queries/experiment-outcomes`). */
  @InjectManager()
  async listExperimentOutcomes(experimentId: string, @MedusaContext() sharedContext: Context = {}) {
    return await listExperimentOutcomes(knexOf(sharedContext), experimentId)
  }

  /** Every prompt made in a currency with what it realised, or that it is still pending (see `queries/prompt-values`). */
  @InjectManager()
  async listPromptValues(input: PromptValueInput, @MedusaContext() sharedContext: Context = {}) {
    return await listPromptValues(knexOf(sharedContext), input)
  }

  /**
   * Replaces the stored network with a fresh computation in one transaction,
   * so readers see the old network or the new one, never half of each.
   */
  @InjectTransactionManager()
  async replaceCustomerNetwork(
    rows: NetworkNode[],
    computedAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await replaceNetworkRows(transactionOf(sharedContext), rows, computedAt)
  }

  /**
   * Moves rewards from one status to another only if they are still in `from`,
   * in one statement, and answers the ids that moved. Two workers releasing the
   * same reward: one moves it, the other gets nothing back and stops.
   */
  @InjectTransactionManager()
  async transitionRewards(
    ids: string[],
    from: RewardStatus | RewardStatus[],
    to: RewardStatus,
    data: RewardTransitionData = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!ids.length) {
      return []
    }
    return await moveRewards(transactionOf(sharedContext), ids, Array.isArray(from) ? from : [from], to, data)
  }

  /** A claimed reward's move and its referral's, in one transaction (see `lib/status-transitions`). */
  @InjectTransactionManager()
  async settleClaimedReward(settlement: ClaimedRewardSettlement, @MedusaContext() sharedContext: Context = {}) {
    return await settleClaim(transactionOf(sharedContext), settlement)
  }

  /**
   * Returns to `held` the rewards a run claimed but never settled (a process
   * that crashed or lost the database mid-issue) once their claim is older
   * than `claimedBefore`, in one conditional update, so the next release pays
   * them. Paying is idempotent per reward, so what the lost run already paid
   * is reused, not paid again.
   */
  @InjectTransactionManager()
  async reclaimStalledRewards(claimedBefore: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await releaseStalledClaims(transactionOf(sharedContext), claimedBefore)
  }

  /** Sets a referral's status only if it is in one of `from`; answers whether it moved. */
  @InjectTransactionManager()
  async transitionReferral(
    id: string,
    from: string[],
    to: string,
    reason: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await moveReferral(transactionOf(sharedContext), id, from, to, reason)
  }

  /** Records where a cart with a referral code was last used from (one row per cart, see `lib/cart-origins`). */
  @InjectTransactionManager()
  async recordCartOrigin(cartId: string, origin: CartOrigin, @MedusaContext() sharedContext: Context = {}) {
    await upsertCartOrigin(transactionOf(sharedContext), cartId, origin)
  }

  /** Undoes one `recordBanditPull`: one pull back from the context's and the global counts, never below zero. */
  @InjectTransactionManager()
  async undoBanditPull(armId: string, contextKey: string, @MedusaContext() sharedContext: Context = {}) {
    await decrementBandit(transactionOf(sharedContext), { arm_id: armId, context_key: contextKey }, "pulls")
  }

  /** Undoes one `resolvePrompt`: the prompt is open again and its bandit count taken back, once. */
  @InjectTransactionManager()
  async reopenPrompt(
    promptId: string,
    outcome: "converted" | "expired",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await reopenSettledPrompt(transactionOf(sharedContext), promptId, outcome)
  }

  /** Anonymises one customer's personal data in the plugin's tables, in one transaction (see `lib/erasure`). */
  @InjectTransactionManager()
  async anonymiseCustomer(
    customerId: string,
    emails: string[],
    cartIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AnonymisedRows> {
    return await anonymiseCustomerRows(transactionOf(sharedContext), customerId, emails, cartIds)
  }

  /** Nulls identifiers and blanks share messages older than the cutoffs, in one transaction (see `lib/erasure`). */
  @InjectTransactionManager()
  async applyRetention(identifiersBefore: Date, messagesBefore: Date, @MedusaContext() sharedContext: Context = {}): Promise<AnonymisedRows> {
    return await applyRetentionRows(transactionOf(sharedContext), identifiersBefore, messagesBefore)
  }
}

export default ReferralModuleService
