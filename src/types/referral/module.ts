/**
 * Records of the referral module, derived from its DML models so they never drift.
 * Type-only imports: nothing of the server reaches the admin bundle.
 */
import type { InferTypeOf } from "@medusajs/framework/types"
import type BanditState from "../../modules/referral/models/bandit-state"
import type ComputeRun from "../../modules/referral/models/compute-run"
import type CustomerNetwork from "../../modules/referral/models/customer-network"
import type IncentiveArm from "../../modules/referral/models/incentive-arm"
import type PropensityModel from "../../modules/referral/models/propensity-model"
import type ReferralAssignment from "../../modules/referral/models/referral-assignment"
import type ReferralCode from "../../modules/referral/models/referral-code"
import type ReferralExperiment from "../../modules/referral/models/referral-experiment"
import type ReferralMessage from "../../modules/referral/models/referral-message"
import type ReferralProgram from "../../modules/referral/models/referral-program"
import type ReferralPrompt from "../../modules/referral/models/referral-prompt"
import type ReferralReward from "../../modules/referral/models/referral-reward"
import type ReferralTouch from "../../modules/referral/models/referral-touch"
import type ReferralVariant from "../../modules/referral/models/referral-variant"
import type Referral from "../../modules/referral/models/referral"
import type ViralMoment from "../../modules/referral/models/viral-moment"

export type BanditStateDTO = InferTypeOf<typeof BanditState>
export type ComputeRunDTO = InferTypeOf<typeof ComputeRun>
export type CustomerNetworkDTO = InferTypeOf<typeof CustomerNetwork>
export type IncentiveArmDTO = InferTypeOf<typeof IncentiveArm>
export type PropensityModelDTO = InferTypeOf<typeof PropensityModel>
export type ReferralAssignmentDTO = InferTypeOf<typeof ReferralAssignment>
export type ReferralCodeDTO = InferTypeOf<typeof ReferralCode>
export type ReferralExperimentDTO = InferTypeOf<typeof ReferralExperiment>
export type ReferralMessageDTO = InferTypeOf<typeof ReferralMessage>
export type ReferralProgramDTO = InferTypeOf<typeof ReferralProgram>
export type ReferralPromptDTO = InferTypeOf<typeof ReferralPrompt>
export type ReferralRewardDTO = InferTypeOf<typeof ReferralReward>
export type ReferralTouchDTO = InferTypeOf<typeof ReferralTouch>
export type ReferralVariantDTO = InferTypeOf<typeof ReferralVariant>
export type ReferralDTO = InferTypeOf<typeof Referral>
export type ViralMomentDTO = InferTypeOf<typeof ViralMoment>
