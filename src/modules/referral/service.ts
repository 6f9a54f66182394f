import type { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  generateEntityId,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import IncentiveArm from "./models/incentive-arm"
import BanditState from "./models/bandit-state"
import PropensityModel from "./models/propensity-model"
import CustomerNetwork from "./models/customer-network"
import ReferralAssignment from "./models/referral-assignment"
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
import { PROGRAM_DEFAULTS, type ProgramSettings } from "./program-defaults"
import { decidePromotion, type PromotionDecision } from "../../ml/propensity/promotion-decision"
import type { TrainedPropensity } from "../../ml/propensity/train-propensity"
import type { LlmOptions } from "../../messages/llm-options"
import type { NetworkNode } from "../../ml/graph"
import {
  resolveRateLimitOptions,
  type RateLimitOptions,
  type ResolvedRateLimitOptions,
} from "../../utils/rate-limit-options"
import type { ReferralFlag } from "../../rules/referral-flags"
import { resolveRewardLeaseMs } from "../../utils/reward-lease"
import { resolveNotificationOptions, type NotificationOptions, type ResolvedNotificationOptions } from "../../utils/notification-options"

export type ReferralModuleOptions = {
  /** Where a shared link points; `{code}` is replaced by the referrer's code. */
  share_url_template?: string
  /** The LLM that writes share messages; off without a key and base URL (environment variables are the defaults). */
  llm?: LlmOptions
  /** Limits on the public endpoints (clicks, code lookup); see `RateLimitOptions`. */
  rate_limit?: RateLimitOptions
  /** Seconds after which a reward left `issuing` by a crashed run is taken over; see `resolveRewardLeaseMs`. */
  reward_lease_seconds?: number
  /** How asks and reward news reach shoppers through Medusa's Notification module; see `NotificationOptions`. */
  notifications?: NotificationOptions
}

type RewardStatus = "held" | "issuing" | "issued" | "revoked"

export type ConvertReferralInput = {
  referral_id: string
  order_id: string
  order_total: number
  currency_code: string
  referee_customer_id: string | null
  referee_email: string | null
  /** The referrer's side, already resolved in the order's currency. */
  referrer_reward: {
    kind: "store_credit" | "promotion"
    amount: number
    currency_code: string
    promotion_type?: "percentage" | "fixed"
  }
  /** What the friend saved at checkout with the code. */
  referee_discount: number
  /** Fraud rules that fired (`flagReferral`): any holds the conversion for review. */
  flags?: ReferralFlag[]
  now?: Date
}

export type ConvertReferralResult = {
  outcome: "converted" | "review" | "rejected" | "expired" | "unchanged"
  referral_id: string
  reason?: string | null
}

class ReferralModuleService extends MedusaService({
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
  ReferralExperiment,
  ReferralVariant,
  ReferralAssignment,
}) {
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
  async getProgramSettings(@MedusaContext() sharedContext: Context = {}): Promise<ProgramSettings> {
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
    const current = await this.getProgramSettings(sharedContext)
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

    await knex("referral_code").select("id").where("id", referral.referral_code_id).forUpdate()
    const fresh = await this.retrieveReferral(input.referral_id, {}, sharedContext)
    if (fresh.status !== "pending") {
      return { outcome: "unchanged", referral_id: fresh.id, reason: fresh.reason }
    }

    const settings = await this.getProgramSettings(sharedContext)
    const since = new Date(now.getTime() - settings.referrer_cap_window_days * DAY_MS)
    const [{ count }] = await knex("referral")
      .count("id as count")
      .where("referral_code_id", referral.referral_code_id)
      .whereIn("status", ["converted", "rewarded", "review"])
      .where("converted_at", ">=", since)
      .whereNull("deleted_at")

    const order = {
      order_id: input.order_id,
      order_total: input.order_total,
      currency_code: input.currency_code,
      referee_customer_id: input.referee_customer_id ?? referral.referee_customer_id,
      referee_email: input.referee_email ?? referral.referee_email,
    }

    const attributedAt = referral.attributed_at ?? referral.created_at
    if (attributedAt && now.getTime() - new Date(attributedAt).getTime() > settings.attribution_window_days * DAY_MS) {
      await this.updateReferrals(
        { id: referral.id, ...order, status: "expired", reason: "attribution_window_passed" },
        sharedContext
      )
      return { outcome: "expired", referral_id: referral.id, reason: "attribution_window_passed" }
    }

    if (Number(count) >= settings.referrer_cap) {
      await this.updateReferrals(
        { id: referral.id, ...order, status: "rejected", reason: "referrer_cap_reached" },
        sharedContext
      )
      return { outcome: "rejected", referral_id: referral.id, reason: "referrer_cap_reached" }
    }

    // A flagged friend still keeps the discount; only the referrer's reward waits for an admin.
    const flags = input.flags?.length ? input.flags : null
    const status = flags || settings.require_review ? "review" : "converted"
    const reason = flags ? "flagged" : settings.require_review ? "manual_review" : null
    await this.updateReferrals(
      { id: referral.id, ...order, status, converted_at: now, reason, flags },
      sharedContext
    )
    await knex("referral_code").where("id", referral.referral_code_id).increment("uses", 1)
    await this.createReferralTouches(
      [
        {
          type: "first_order",
          referral_code_id: referral.referral_code_id,
          code: referral.code,
          customer_id: order.referee_customer_id,
          referral_id: referral.id,
        },
      ],
      sharedContext
    )
    await this.createReferralRewards(
      [
        {
          referral_id: referral.id,
          customer_id: order.referee_customer_id,
          role: "referee" as const,
          kind: "discount" as const,
          amount: input.referee_discount,
          currency_code: input.currency_code,
          status: "issued" as const,
          issued_at: now,
        },
      ],
      sharedContext
    )
    if (status === "converted") {
      await this.holdReferrerReward_(referral.id, input, settings, now, sharedContext)
    }
    return { outcome: status, referral_id: referral.id, reason }
  }

  /** Compensation of `convertReferral`: back to pending, with the rewards and touch it created removed. */
  @InjectTransactionManager()
  async undoConversion(referralId: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionOf(sharedContext)
    const referral = await this.retrieveReferral(referralId, {}, sharedContext)
    const counted = ["converted", "review"].includes(referral.status)
    await knex("referral_reward").where("referral_id", referralId).whereIn("status", ["held", "issued"]).delete()
    await knex("referral_touch").where({ referral_id: referralId, type: "first_order" }).delete()
    await knex("referral")
      .update({ status: "pending", reason: null, flags: null, order_id: null, converted_at: null, updated_at: new Date() })
      .where("id", referralId)
    if (counted) {
      await knex("referral_code").where("id", referral.referral_code_id).decrement("uses", 1)
    }
  }

  /** Creates the referrer's held reward for a referral an admin approved after review. */
  @InjectTransactionManager()
  async approveReferral(
    id: string,
    referrerReward: ConvertReferralInput["referrer_reward"],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = transactionOf(sharedContext)
    const updated = await knex("referral")
      .update({ status: "converted", reason: null, updated_at: new Date() })
      .where({ id, status: "review" })
      .whereNull("deleted_at")
      .returning(["id"])
    if (!updated.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Referral ${id} is not waiting for review`)
    }
    const settings = await this.getProgramSettings(sharedContext)
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
    input: Pick<ConvertReferralInput, "referrer_reward">,
    settings: ProgramSettings,
    now: Date,
    sharedContext: Context
  ) {
    const referral = await this.retrieveReferral(referralId, {}, sharedContext)
    await this.createReferralRewards(
      [
        {
          referral_id: referralId,
          customer_id: referral.referrer_customer_id,
          role: "referrer" as const,
          kind: input.referrer_reward.kind,
          amount: input.referrer_reward.amount,
          currency_code: input.referrer_reward.currency_code,
          status: "held" as const,
          metadata: input.referrer_reward.promotion_type
            ? { promotion_type: input.referrer_reward.promotion_type }
            : null,
          release_at: new Date(now.getTime() + settings.reward_hold_days * DAY_MS),
        },
      ],
      sharedContext
    )
  }

  /**
   * The loop's counts in a few set-based queries: codes, funnel touches by
   * type, moments by decision, prompts by status, referrals by status (and
   * refusals by reason), referrer rewards by status and currency. The admin's first funnel; the metrics endpoint grows it.
   */
  @InjectManager()
  async getLoopSummary(@MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as SqlEntityManager).getKnex()
    const live = (table: string) => knex(table).whereNull("deleted_at")
    const [[codes], touches, referrals, refusals, rewards, moments, prompts] = await Promise.all([
      live("referral_code").count("id as count"),
      live("referral_touch").select("type").count("id as count").groupBy("type"),
      live("referral").select("status").count("id as count").groupBy("status"),
      live("referral").where("status", "rejected").select("reason").count("id as count").groupBy("reason"),
      live("referral_reward")
        .where("role", "referrer")
        .select("status", "currency_code")
        .count("id as count")
        .sum("amount as amount")
        .groupBy("status", "currency_code"),
      live("viral_moment").select("decision").count("id as count").groupBy("decision"),
      live("referral_prompt").select("status").count("id as count").groupBy("status"),
    ])
    const byKey = (rows: Record<string, unknown>[], key: string) =>
      Object.fromEntries(rows.map((row) => [String(row[key]), Number(row.count)]))
    return {
      codes: Number(codes.count),
      touches: byKey(touches, "type"),
      referrals: byKey(referrals, "status"),
      rejections: byKey(refusals, "reason"),
      moments: byKey(moments, "decision"),
      prompts: byKey(prompts, "status"),
      referrer_rewards: rewards.map((row: Record<string, unknown>) => ({
        status: String(row.status),
        currency_code: String(row.currency_code),
        count: Number(row.count),
        amount: MathBN.convert(row.amount as string).toNumber(),
      })),
    }
  }

  /**
   * Records a trained propensity model as the next version and, if it measures
   * up to the active one (`decidePromotion`), makes it active and retires the
   * old one, all in one transaction with the active row locked, so two
   * trainings finishing together cannot both become active.
   */
  @InjectTransactionManager()
  async savePropensityModel(
    trained: TrainedPropensity & { label: string; trained_at: Date },
    tolerance: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; version: number; decision: PromotionDecision; previous_active_id: string | null }> {
    const knex = transactionOf(sharedContext)
    const [active] = await knex("propensity_model")
      .select("id", "kind", "auc")
      .where({ status: "active" })
      .whereNull("deleted_at")
      .forUpdate()
    const [{ max }] = await knex("propensity_model").max("version as max")
    const decision = decidePromotion(trained, active ?? null, tolerance)
    if (decision.promote && active) {
      await knex("propensity_model").update({ status: "retired", updated_at: new Date() }).where("id", active.id)
    }
    const [created] = await this.createPropensityModels(
      [
        {
          ...trained,
          // Stored as plain JSON; the scorer checks name and version when loading.
          model: trained.model as unknown as Record<string, unknown> | null,
          explainer: trained.explainer as unknown as Record<string, unknown> | null,
          version: Number(max ?? 0) + 1,
          status: decision.promote ? "active" : "rejected",
          reason: [trained.reason, decision.reason].filter(Boolean).join("; "),
        },
      ],
      sharedContext
    )
    return {
      id: created.id,
      version: created.version,
      decision,
      previous_active_id: decision.promote && active ? active.id : null,
    }
  }

  /** Compensation of `savePropensityModel`: drop the new version and give the previous active model back its place. */
  @InjectTransactionManager()
  async undoSavePropensityModel(
    saved: { id: string; previous_active_id: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = transactionOf(sharedContext)
    await knex("propensity_model").where("id", saved.id).delete()
    if (saved.previous_active_id) {
      await knex("propensity_model").update({ status: "active" }).where("id", saved.previous_active_id)
    }
  }

  /** Counts a decision for an arm in its context and globally: one atomic upsert per key. */
  @InjectTransactionManager()
  async recordBanditPull(armId: string, contextKey: string, @MedusaContext() sharedContext: Context = {}) {
    await incrementBandit(transactionOf(sharedContext), [{ arm_id: armId, context_key: contextKey }], "pulls")
  }

  /**
   * Settles an open prompt as converted (a friend's referral converted) or
   * expired, and counts the outcome into the bandit, exactly once: only the
   * call that moves the prompt out of `open` increments, so a redelivered
   * event or a second server instance changes nothing.
   */
  @InjectTransactionManager()
  async resolvePrompt(
    promptId: string,
    outcome: "converted" | "expired",
    referralId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const knex = transactionOf(sharedContext)
    const moved = await knex("referral_prompt")
      .update({ status: outcome, outcome_at: new Date(), referral_id: referralId, updated_at: new Date() })
      .where({ id: promptId, status: "open" })
      .whereNull("deleted_at")
      .returning(["arm_id", "context_key"])
    if (moved.length) {
      await incrementBandit(knex, moved, outcome === "converted" ? "successes" : "failures")
    }
    return moved.length > 0
  }

  /** Expires every open prompt past its time in one statement and counts each as a failure once. */
  @InjectTransactionManager()
  async expireDuePrompts(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const knex = transactionOf(sharedContext)
    const expired = await knex("referral_prompt")
      .update({ status: "expired", outcome_at: now, updated_at: now })
      .where("status", "open")
      .where("expires_at", "<", now)
      .whereNull("deleted_at")
      .returning(["arm_id", "context_key"])
    await incrementBandit(knex, expired, "failures")
    return expired.length
  }

  /**
   * The network at a glance, from the stored computation and the referrals:
   * the top customers by PageRank (super-connectors first), how deep trees go,
   * and friends of friends (A referred B, who referred C).
   */
  @InjectManager()
  async getNetworkOverview(limit: number, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as SqlEntityManager).getKnex()
    const converted = ["converted", "rewarded"]
    const [top, depths, [totals], secondGeneration] = await Promise.all([
      knex("customer_network")
        .select("customer_id", "out_degree", "descendants", "generations", "depth", "pagerank", "super_connector")
        .whereNull("deleted_at")
        .where("out_degree", ">", 0)
        .orderBy([{ column: "super_connector", order: "desc" }, { column: "pagerank", order: "desc" }])
        .limit(limit),
      knex("customer_network")
        .select("depth")
        .count("id as customers")
        .whereNull("deleted_at")
        .groupBy("depth")
        .orderBy("depth"),
      knex("customer_network")
        .count("id as customers")
        .sum({ super_connectors: knex.raw("CASE WHEN super_connector THEN 1 ELSE 0 END") })
        .max("computed_at as computed_at")
        .whereNull("deleted_at"),
      knex("referral as first")
        .join("referral as second", "second.referrer_customer_id", "first.referee_customer_id")
        .select("first.referrer_customer_id as referrer", "first.referee_customer_id as via", "second.referee_customer_id as friend")
        .whereIn("first.status", converted)
        .whereIn("second.status", converted)
        .whereNotNull("second.referee_customer_id")
        .whereNull("first.deleted_at")
        .whereNull("second.deleted_at")
        .orderBy("second.converted_at", "desc")
        .limit(limit * 10),
    ])
    return {
      computed_at: totals?.computed_at ?? null,
      customers: Number(totals?.customers ?? 0),
      super_connector_count: Number(totals?.super_connectors ?? 0),
      top_connectors: top.map((row: Record<string, unknown>) => ({ ...row, pagerank: Number(row.pagerank) })),
      depth_distribution: depths.map((row: Record<string, unknown>) => ({
        depth: Number(row.depth),
        customers: Number(row.customers),
      })),
      second_generation: secondGeneration,
    }
  }

  /** The converted referrals below a customer, level by level, to `depth` levels (one query per level). */
  @InjectManager()
  async loadReferralSubtree(customerId: string, depth: number, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as SqlEntityManager).getKnex()
    const edges: { referrer: string; friend: string }[] = []
    const seen = new Set([customerId])
    let frontier = [customerId]
    for (let level = 0; level < depth && frontier.length; level++) {
      const rows = await knex("referral")
        .select("referrer_customer_id as referrer", "referee_customer_id as friend")
        .whereIn("referrer_customer_id", frontier)
        .whereIn("status", ["converted", "rewarded"])
        .whereNotNull("referee_customer_id")
        .whereNull("deleted_at")
      edges.push(...rows)
      frontier = rows.map((row: { friend: string }) => row.friend).filter((id: string) => !seen.has(id))
      frontier.forEach((id) => seen.add(id))
    }
    return edges
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
    const now = new Date()
    await transactionOf(sharedContext)("referral_assignment")
      .insert(rows.map((row) => ({ ...row, id: generateEntityId(undefined, "refasg"), created_at: now, updated_at: now })))
      .onConflict(transactionOf(sharedContext).raw("(experiment_id, customer_id) WHERE deleted_at IS NULL"))
      .ignore()
  }

  /**
   * Per variant of an experiment: customers assigned, customers asked, those
   * with at least one converted referral during the experiment, conversions,
   * referred revenue and incentive cost per currency. Set-based, one query each.
   */
  @InjectManager()
  async experimentOutcomes(experimentId: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = (sharedContext.manager as SqlEntityManager).getKnex()
    const [experiment] = await knex("referral_experiment").where({ id: experimentId }).whereNull("deleted_at")
    if (!experiment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Experiment with id ${experimentId} was not found`)
    }
    const end = experiment.stopped_at ?? new Date()
    const converted = knex("referral as r")
      .join("referral_assignment as a", function () {
        this.on("a.customer_id", "r.referrer_customer_id").andOn("a.experiment_id", knex.raw("?", [experimentId]))
      })
      .whereIn("r.status", ["converted", "rewarded"])
      .whereNull("r.deleted_at")
      .whereBetween("r.converted_at", [experiment.started_at, end])
    const [customers, asked, conversions, revenue, costs] = await Promise.all([
      knex("referral_assignment").select("variant_key").count("id as n").where({ experiment_id: experimentId })
        .whereNull("deleted_at").groupBy("variant_key"),
      knex("referral_assignment as a")
        .join("referral_prompt as p", "p.customer_id", "a.customer_id")
        .where("a.experiment_id", experimentId)
        .whereBetween("p.created_at", [experiment.started_at, end])
        .select("a.variant_key").countDistinct("a.customer_id as n").groupBy("a.variant_key"),
      converted.clone().select("a.variant_key").count("r.id as conversions")
        .countDistinct("r.referrer_customer_id as referrers").groupBy("a.variant_key"),
      converted.clone().select("a.variant_key", "r.currency_code").sum("r.order_total as revenue")
        .groupBy("a.variant_key", "r.currency_code"),
      converted.clone()
        .join("referral_reward as w", "w.referral_id", "r.id")
        .whereNot("w.status", "revoked")
        .whereNull("w.deleted_at")
        .whereRaw("coalesce(w.metadata ->> 'promotion_type', 'fixed') <> 'percentage'")
        .select("a.variant_key", "w.currency_code").sum("w.amount as cost")
        .groupBy("a.variant_key", "w.currency_code"),
    ])
    return { experiment, customers, asked, conversions, revenue, costs }
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
    const knex = transactionOf(sharedContext)
    await knex("customer_network").delete()
    const now = new Date()
    for (let i = 0; i < rows.length; i += NETWORK_BATCH) {
      await knex("customer_network").insert(
        rows.slice(i, i + NETWORK_BATCH).map((row) => ({
          ...row,
          id: generateEntityId(undefined, "refnet"),
          computed_at: computedAt,
          created_at: now,
          updated_at: now,
        }))
      )
    }
    return rows.length
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
    data: {
      issued_at?: Date | null
      revoked_at?: Date | null
      external_reference?: string | null
      note?: string | null
    } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!ids.length) {
      return []
    }
    const rows = await transactionOf(sharedContext)("referral_reward")
      .update({ ...data, status: to, updated_at: new Date() })
      .whereIn("id", ids)
      .whereIn("status", Array.isArray(from) ? from : [from])
      .whereNull("deleted_at")
      .returning("id")
    return rows.map((row: { id: string }) => row.id)
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
    const rows = await transactionOf(sharedContext)("referral_reward")
      .update({ status: "held", updated_at: new Date() })
      .where("status", "issuing")
      .where("updated_at", "<", claimedBefore)
      .whereNull("deleted_at")
      .returning("id")
    return rows.map((row: { id: string }) => row.id)
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
    const rows = await transactionOf(sharedContext)("referral")
      .update({ status: to, reason, updated_at: new Date() })
      .where("id", id)
      .whereIn("status", from)
      .whereNull("deleted_at")
      .returning("id")
    return rows.length > 0
  }

  /**
   * Undoes one `recordBanditPull`: takes the pull back from the arm's context
   * and global counts, in one conditional decrement (never below zero).
   */
  @InjectTransactionManager()
  async undoBanditPull(armId: string, contextKey: string, @MedusaContext() sharedContext: Context = {}) {
    await transactionOf(sharedContext)("bandit_state")
      .update({ pulls: transactionOf(sharedContext).raw("pulls - 1"), updated_at: new Date() })
      .where("arm_id", armId)
      .whereIn("context_key", [...new Set([contextKey, GLOBAL_CONTEXT])])
      .where("pulls", ">", 0)
      .whereNull("deleted_at")
  }

  /**
   * Undoes one `resolvePrompt`: a prompt settled with `outcome` is open again
   * and the bandit count it added is taken back, only if it is still settled
   * that way, so running the undo twice changes nothing more.
   */
  @InjectTransactionManager()
  async reopenPrompt(
    promptId: string,
    outcome: "converted" | "expired",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const knex = transactionOf(sharedContext)
    const moved = await knex("referral_prompt")
      .update({ status: "open", outcome_at: null, referral_id: null, updated_at: new Date() })
      .where({ id: promptId, status: outcome })
      .whereNull("deleted_at")
      .returning(["arm_id", "context_key"])
    const column = outcome === "converted" ? "successes" : "failures"
    for (const row of moved as { arm_id: string; context_key: string }[]) {
      await knex("bandit_state")
        .update({ [column]: knex.raw(`${column} - 1`), updated_at: new Date() })
        .where("arm_id", row.arm_id)
        .whereIn("context_key", [...new Set([row.context_key, GLOBAL_CONTEXT])])
        .where(column, ">", 0)
        .whereNull("deleted_at")
    }
    return moved.length > 0
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Adds one per row to a bandit counter for the row's (arm, context) and for the
 * arm's global key `*`, creating missing rows, in one statement per key.
 */
async function incrementBandit(
  knex: ReturnType<typeof transactionOf>,
  rows: { arm_id: string; context_key: string }[],
  column: "pulls" | "successes" | "failures"
) {
  const counts = new Map<string, { arm_id: string; context_key: string; n: number }>()
  for (const row of rows) {
    for (const context_key of [row.context_key, GLOBAL_CONTEXT]) {
      const key = `${row.arm_id}\u0000${context_key}`
      const entry = counts.get(key) ?? { arm_id: row.arm_id, context_key, n: 0 }
      entry.n++
      counts.set(key, entry)
    }
  }
  for (const { arm_id, context_key, n } of counts.values()) {
    // `column` is one of three literal names, never input; values are bound.
    await knex.raw(
      `INSERT INTO bandit_state (id, arm_id, context_key, pulls, successes, failures)
       VALUES (:id, :arm_id, :context_key, :pulls, :successes, :failures)
       ON CONFLICT (arm_id, context_key) WHERE deleted_at IS NULL
       DO UPDATE SET ${column} = bandit_state.${column} + :n, updated_at = now()`,
      {
        id: generateEntityId(undefined, "refbs"),
        arm_id,
        context_key,
        n,
        pulls: column === "pulls" ? n : 0,
        successes: column === "successes" ? n : 0,
        failures: column === "failures" ? n : 0,
      }
    )
  }
}

/** Rows per insert when replacing the network: large enough to be fast, small enough for PostgreSQL's parameter limit. */
const NETWORK_BATCH = 2000

/** The bandit's key for an arm's counts over all contexts. */
export const GLOBAL_CONTEXT = "*"

function transactionOf(sharedContext: Context) {
  const manager = sharedContext.transactionManager as SqlEntityManager | undefined
  const knex = manager?.getTransactionContext()
  if (!knex) {
    // A lock or conditional update outside a transaction would be released at once.
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "The referral module needs a transaction here")
  }
  return knex
}

function pickSettings(row: Record<string, unknown>): Partial<ProgramSettings> {
  const settings: Record<string, unknown> = {}
  for (const key of Object.keys(PROGRAM_DEFAULTS)) {
    if (row[key] !== undefined && row[key] !== null) {
      settings[key] = row[key]
    }
  }
  return settings as Partial<ProgramSettings>
}

export default ReferralModuleService
