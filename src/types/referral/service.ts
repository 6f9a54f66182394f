/**
 * The referral module's service, as steps, routes, jobs and subscribers see it:
 * `container.resolve<IReferralModuleService>(REFERRAL_MODULE)`. The generated
 * CRUD methods (`listReferrals`, `createReferralCodes`, …) are derived from the
 * DML models, so they cannot drift from them; the domain methods are listed
 * below. Type-only imports: nothing of the server reaches the admin bundle.
 */
import type { Context, IModuleService } from "@medusajs/framework/types"
import type { AbstractModuleService, ModelConfigurationsToConfigTemplate } from "@medusajs/framework/utils"
import type BanditState from "../../modules/referral/models/bandit-state"
import type CustomerNetwork from "../../modules/referral/models/customer-network"
import type IncentiveArm from "../../modules/referral/models/incentive-arm"
import type PropensityModel from "../../modules/referral/models/propensity-model"
import type ReferralAssignment from "../../modules/referral/models/referral-assignment"
import type ReferralCartOrigin from "../../modules/referral/models/referral-cart-origin"
import type ReferralCode from "../../modules/referral/models/referral-code"
import type ReferralExperiment from "../../modules/referral/models/referral-experiment"
import type ReferralMessage from "../../modules/referral/models/referral-message"
import type ReferralProgram from "../../modules/referral/models/referral-program"
import type ReferralPrompt from "../../modules/referral/models/referral-prompt"
import type ReferralReward from "../../modules/referral/models/referral-reward"
import type ReferralSecret from "../../modules/referral/models/referral-secret"
import type ReferralTouch from "../../modules/referral/models/referral-touch"
import type ReferralVariant from "../../modules/referral/models/referral-variant"
import type Referral from "../../modules/referral/models/referral"
import type ViralMoment from "../../modules/referral/models/viral-moment"
import type { ProgramSettings } from "../../modules/referral/program-defaults"
import type { ReferralNetworkOverview } from "../http/network"
import type { listExperimentOutcomes } from "../../modules/referral/queries/experiment-outcomes"
import type { PromptValueInput, PromptValueRow } from "../../modules/referral/queries/prompt-values"
import type { BanditEvidenceRow } from "../../modules/referral/queries/bandit-evidence"
import type {
  MomentReachRow,
  MomentTimingEvidenceInput,
  MomentTimingEvidenceRows,
  MomentTimingWindow,
  MomentValueRow,
} from "../../modules/referral/queries/moment-timing-evidence"
import type { LoopSummary } from "../http/summary"
import type { PromotionDecision } from "../../ml/propensity/promotion-decision"
import type { TrainedPropensity } from "../../ml/propensity/train-propensity"
import type ComputeRun from "../../modules/referral/models/compute-run"
import type { ComputeRunKind } from "./constants"
import type { NetworkNode, ReferralEdge } from "../../ml/graph"
import type { LlmOptions } from "../../messages/llm-options"
import type { RateLimitOptions, ResolvedRateLimitOptions } from "../../utils/rate-limit-options"
import type { ReferralFlag } from "./flags"
import type { NotificationOptions, ResolvedNotificationOptions } from "../../utils/notification-options"
import type { ReferralDTO, ReferralProgramDTO } from "./module"
import type { CartOrigin } from "./cart-origin"
import type { ClientAddressOptions } from "../../utils/client-address-options"
import type { ReferralStatus, RewardKind, RewardStatus } from "./constants"
import type { AnonymisedRows } from "./privacy"

export type { ProgramSettings }

/** A setting of the referral program: the keys of `PROGRAM_DEFAULTS` (program-defaults.ts) are the one list. */
export type ProgramSettingKey = keyof ProgramSettings

/** The models the module's service is generated from, by the names of its CRUD methods. */
export type ReferralModels = {
  ReferralProgram: typeof ReferralProgram
  IncentiveArm: typeof IncentiveArm
  ReferralCode: typeof ReferralCode
  Referral: typeof Referral
  ReferralReward: typeof ReferralReward
  ReferralTouch: typeof ReferralTouch
  PropensityModel: typeof PropensityModel
  ViralMoment: typeof ViralMoment
  ReferralPrompt: typeof ReferralPrompt
  BanditState: typeof BanditState
  ReferralMessage: typeof ReferralMessage
  CustomerNetwork: typeof CustomerNetwork
  ComputeRun: typeof ComputeRun
  ReferralExperiment: typeof ReferralExperiment
  ReferralVariant: typeof ReferralVariant
  ReferralAssignment: typeof ReferralAssignment
  ReferralSecret: typeof ReferralSecret
  ReferralCartOrigin: typeof ReferralCartOrigin
}

/** `retrieveReferral`, `listReferralCodes`, `createReferralRewards`, … for every model, typed with its DTO. */
export type ReferralCrudMethods = AbstractModuleService<ModelConfigurationsToConfigTemplate<ReferralModels>>

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
  /** Where the client address of a request comes from, behind proxies or a CDN; see `ClientAddressOptions`. Required in production. */
  client_address?: ClientAddressOptions
}

export type ConvertReferralInput = {
  referral_id: string
  order_id: string
  order_total: number
  currency_code: string
  referee_customer_id: string | null
  referee_email: string | null
  /**
   * The referrer's side, resolved in the currency the referrer shops in; null
   * when the arm lists no amount for it, which holds the referral for review
   * (reason `reward_currency_missing`).
   */
  referrer_reward: {
    kind: "store_credit" | "promotion"
    amount: number
    currency_code: string
    promotion_type?: "percentage" | "fixed"
  } | null
  /** What the friend saved at checkout with the code. */
  referee_discount: number
  /** Fraud rules that fired (`flagReferral`): any holds the conversion for review. */
  flags?: ReferralFlag[]
  /** A redemption rule the order breaks, checked again at conversion: the referral is rejected with it. */
  refusal?: string | null
  now?: Date
}

export type ConvertReferralResult = {
  outcome: "converted" | "review" | "rejected" | "expired" | "unchanged"
  referral_id: string
  reason?: string | null
}

/** What training measured besides the model: its score percentiles and the low-band shares of it and the active model. */
export type PropensityBandCalibration = {
  /** Percentiles 0..100 of its scores over the store's customers; null when the store has none. */
  score_percentiles: number[] | null
  /** Share of the store's customers it puts in the low band at the settings in force. */
  suppressed_share: number | null
  /** The active model's share on the same customers and settings; null when no model is active. */
  active_suppressed_share: number | null
}

/** A trained model as it is stored. */
export type TrainedPropensityRow = TrainedPropensity & PropensityBandCalibration & { label: string; trained_at: Date }

export type SavedPropensityModel = {
  id: string
  version: number
  decision: PromotionDecision
  previous_active_id: string | null
  /** Models that were awaiting confirmation and are rejected now that a newer one exists. */
  superseded_ids: string[]
}

export type RewardTransitionData = {
  issued_at?: Date | null
  revoked_at?: Date | null
  external_reference?: string | null
  note?: string | null
}

/** One move of a claimed reward and, with it, of its referral (see `settleClaimedReward`). */
export type ClaimedRewardSettlement = {
  reward: {
    id: string
    from: RewardStatus
    to: RewardStatus
    data?: RewardTransitionData & { kind?: RewardKind; code?: string | null }
  }
  /** Moved only if the reward moved; omitted to leave the referral as it is. */
  referral?: { id: string; from: ReferralStatus[]; to: ReferralStatus; reason: string | null }
}

export type ExperimentOutcomes = Awaited<ReturnType<typeof listExperimentOutcomes>>

export interface IReferralModuleService extends IModuleService, ReferralCrudMethods {
  /** How old an `issuing` claim must be before the release takes the reward over (`reward_lease_seconds`). */
  getRewardLeaseMs(): number
  /** The plugin options the store configured. */
  getOptions(): ReferralModuleOptions
  /** The public endpoints' rate limits in force (defaults filled in). */
  getRateLimitOptions(): ResolvedRateLimitOptions
  /** How referral notifications are sent (defaults filled in). */
  getNotificationOptions(): ResolvedNotificationOptions

  /** The settings in force: the newest version, or the documented defaults before any was saved. */
  retrieveProgramSettings(sharedContext?: Context): Promise<ProgramSettings>
  /** Saves a new version of the settings on top of the one in force. */
  saveProgramSettings(changes: Partial<ProgramSettings>, sharedContext?: Context): Promise<ReferralProgramDTO>

  /** Converts a pending referral for a placed order, exactly once. */
  convertReferral(input: ConvertReferralInput, sharedContext?: Context): Promise<ConvertReferralResult>
  /** Compensation of `convertReferral`. */
  undoConversion(referralId: string, sharedContext?: Context): Promise<void>
  /** Creates the referrer's held reward for a referral an admin approved after review. */
  approveReferral(
    id: string,
    referrerReward: NonNullable<ConvertReferralInput["referrer_reward"]>,
    sharedContext?: Context
  ): Promise<ReferralDTO>
  /** Sets a referral's status only if it is in one of `from`; answers whether it moved. */
  transitionReferral(
    id: string,
    from: ReferralStatus[] | string[],
    to: ReferralStatus | string,
    reason: string | null,
    sharedContext?: Context
  ): Promise<boolean>

  /** Moves rewards from one status to another only if they are still in `from`; answers the ids that moved. */
  transitionRewards(
    ids: string[],
    from: RewardStatus | RewardStatus[],
    to: RewardStatus,
    data?: RewardTransitionData,
    sharedContext?: Context
  ): Promise<string[]>
  /**
   * Moves a claimed reward and its referral in one transaction (issued and
   * rewarded, revoked and rejected, or back); answers what moved.
   */
  settleClaimedReward(
    settlement: ClaimedRewardSettlement,
    sharedContext?: Context
  ): Promise<{ reward: boolean; referral: boolean }>
  /** Returns to `held` the rewards claimed before `claimedBefore` and never settled. */
  reclaimStalledRewards(claimedBefore: Date, sharedContext?: Context): Promise<string[]>

  /** All-time counts of the loop: codes, touches, referrals, refusals, referrer rewards, moments, prompts. */
  retrieveLoopSummary(sharedContext?: Context): Promise<LoopSummary>

  /** Records a trained model as the next version; active if it measures up, awaiting confirmation if it would shift the low band too much. */
  savePropensityModel(
    trained: TrainedPropensityRow,
    rules: { tolerance: number; max_suppressed_shift: number },
    sharedContext?: Context
  ): Promise<SavedPropensityModel>
  /** Compensation of `savePropensityModel`. */
  undoSavePropensityModel(
    saved: { id: string; previous_active_id: string | null; superseded_ids?: string[] },
    sharedContext?: Context
  ): Promise<void>
  /** Makes a model awaiting confirmation active (an admin confirmed it); refuses any other model. */
  confirmPropensityModel(
    id: string,
    sharedContext?: Context
  ): Promise<{ id: string; version: number; previous_active_id: string | null }>
  /** Compensation of `confirmPropensityModel`. */
  undoConfirmPropensityModel(confirmed: { id: string; previous_active_id: string | null }, sharedContext?: Context): Promise<void>
  /** Takes a queued compute run (`queued` → `running`) once; null when it is no longer queued. */
  claimComputeRun(id: string, sharedContext?: Context): Promise<{ id: string; kind: ComputeRunKind } | null>

  /** Counts a decision for an arm in its context and globally. */
  recordBanditPull(armId: string, contextKey: string, sharedContext?: Context): Promise<void>
  /** Takes back one pull recorded by `recordBanditPull` (a compensation). */
  undoBanditPull(armId: string, contextKey: string, sharedContext?: Context): Promise<void>
  /** Undoes one `resolvePrompt`: the prompt is open again and its bandit count taken back, once. */
  reopenPrompt(promptId: string, outcome: "converted" | "expired", sharedContext?: Context): Promise<boolean>
  /** Settles an open prompt as converted or expired and counts the outcome into the bandit, exactly once. */
  resolvePrompt(
    promptId: string,
    outcome: "converted" | "expired",
    referralId: string | null,
    sharedContext?: Context
  ): Promise<boolean>
  /** Expires every open prompt past its time and counts each as a failure once. */
  expireDuePrompts(now: Date, sharedContext?: Context): Promise<number>
  /**
   * Records each settled prompt's success weight (null: counts nothing) and
   * adds the difference to its arm's counters, once; answers the prompts that
   * changed with the weight they had before (for an undo).
   */
  setPromptBanditValues(
    values: { prompt_id: string; weight: number | null }[],
    sharedContext?: Context
  ): Promise<{ prompt_id: string; previous: number | null }[]>
  /** The bandit's counters per (arm, context) with the open prompts' censored failures, in one query. */
  listBanditEvidence(
    input: { arm_ids: string[]; context_keys: string[]; global_key: string; now: Date },
    sharedContext?: Context
  ): Promise<BanditEvidenceRow[]>

  /** What learned timing knows for one decision: asks and values per moment kind in a context, and later moments' reach. */
  listMomentTimingEvidence(input: MomentTimingEvidenceInput, sharedContext?: Context): Promise<MomentTimingEvidenceRows>
  /** Every context's asks and values per moment kind, and the reach of each (from, to) pair, for the admin. */
  listMomentTimingOverview(
    window: MomentTimingWindow,
    pairs: { from: string; to: string }[],
    sharedContext?: Context
  ): Promise<{ values: MomentValueRow[]; reach: MomentReachRow[] }>

  /** Records where a cart with a referral code was last used from, one row per cart. */
  recordCartOrigin(cartId: string, origin: CartOrigin, sharedContext?: Context): Promise<void>

  /** Records customers' variants once per experiment. */
  recordAssignments(
    rows: { experiment_id: string; customer_id: string; variant_key: string }[],
    sharedContext?: Context
  ): Promise<void>
  /** Per variant of an experiment: assigned, asked, converted, revenue and cost. */
  listExperimentOutcomes(experimentId: string, sharedContext?: Context): Promise<ExperimentOutcomes>
  /** Every prompt made in a currency: its decision log and realised net value, or that it is still pending. */
  listPromptValues(input: PromptValueInput, sharedContext?: Context): Promise<PromptValueRow[]>

  /** Replaces the stored network with a fresh computation in one transaction. */
  replaceCustomerNetwork(rows: NetworkNode[], computedAt: Date, sharedContext?: Context): Promise<number>
  /** The network at a glance: top connectors, depth distribution, friends of friends. */
  retrieveNetworkOverview(limit: number, sharedContext?: Context): Promise<ReferralNetworkOverview>
  /** Every converted referral with a known friend, as an edge referrer → friend, oldest conversion first. */
  listReferralEdges(sharedContext?: Context): Promise<ReferralEdge[]>
  /** The converted referrals below a customer, level by level, to `depth` levels. */
  listReferralSubtree(customerId: string, depth: number, sharedContext?: Context): Promise<ReferralEdge[]>

  /** Anonymises one customer's personal data (as a friend by id or any of `emails`; their prompts, messages and `cartIds`' origins); a second run changes nothing. */
  anonymiseCustomer(customerId: string, emails: string[], cartIds: string[], sharedContext?: Context): Promise<AnonymisedRows>
  /** Nulls IP networks and visitor ids created before `identifiersBefore` (deleting cart origins unused since), blanks settled share messages created before `messagesBefore`. */
  applyRetention(identifiersBefore: Date, messagesBefore: Date, sharedContext?: Context): Promise<AnonymisedRows>
}
