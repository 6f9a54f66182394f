import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { evaluateMoment } from "../../../ml/moments"
import { ReferralEvents } from "../../../utils/events"
import { scoreCustomerPropensityStep } from "../../propensity/steps/score-customer-propensity"
import { ensureReferralCodeWorkflow } from "../../codes/workflows/ensure-referral-code"
import { chooseIncentiveArmStep } from "../steps/choose-incentive-arm"
import { createReferralPromptStep } from "../steps/create-referral-prompt"
import { recordBanditPullStep } from "../steps/record-bandit-pull"
import { setReferralCodeArmStep } from "../../codes/steps/set-referral-code-arm"
import { updateCodePromotionOfferStep } from "../../codes/steps/update-code-promotion-offer"
import { loadMessageContextStep } from "../../messages/steps/load-message-context"
import { writeShareMessageStep } from "../../messages/steps/write-share-message"
import { loadMomentFactsStep, type MomentTrigger } from "../steps/load-moment-facts"
import { recordViralMomentStep } from "../steps/record-viral-moment"
import { setMomentPromptStep } from "../steps/set-moment-prompt"
import { recordAssignmentsStep } from "../steps/record-assignments"
import { decideMomentTimingStep } from "../steps/decide-moment-timing"
import { timingMomentOf, WAITING_FOR_LATER_MOMENT } from "../../../rules/moment-timing"
import { assignVariant } from "../../../ml/stats"
import { applySelfReportedRule } from "../../../rules/self-reported-signals"

export const evaluateViralMomentWorkflowId = "evaluate-viral-moment"

/**
 * The loop's brain, run for every purchase, delivery, review or NPS answer:
 * is this a moment to ask (signals ≥ threshold, not suppressed)? If so, which
 * offer (the bandit, in the customer's context)? Then the prompt, with its
 * message, and `referral.prompt_created` for the store's notifications. Every
 * evaluation is recorded with its reason; a trigger is evaluated once.
 * A lock per customer serialises their moments, so two events handled at once
 * (several workers) cannot both pass the cooldown and per-customer caps.
 */
export const evaluateViralMomentWorkflow = createWorkflow(
  evaluateViralMomentWorkflowId,
  (input: MomentTrigger) => {
    const lockKey = transform({ input }, ({ input }) => `referral-moment:${input.customer_id}`)
    // The message may take the LLM's whole deadline (8 s by default) while held.
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 }).config({ name: "acquire-moment-lock" })
    const facts = loadMomentFactsStep(input)
    const scores = scoreCustomerPropensityStep(transform({ input }, ({ input }) => ({ customer_ids: [input.customer_id] })))

    // Sticky experiment variants: a function of the customer and experiment ids.
    const assignments = transform({ input, facts }, ({ input, facts }) =>
      facts.experiments.map((experiment) => {
        const key = assignVariant(input.customer_id, experiment.id, experiment.variants)
        return { experiment, variant: experiment.variants.find((v) => v.key === key)! }
      })
    )
    recordAssignmentsStep(
      transform({ input, assignments }, ({ input, assignments }) =>
        assignments.map((a) => ({ experiment_id: a.experiment.id, customer_id: input.customer_id, variant_key: a.variant.key }))
      )
    )

    const evaluation = transform({ input, facts, scores, assignments }, ({ input, facts, scores, assignments }) => {
      const { settings } = facts
      const propensity = scores[0]
      const policy = assignments.find((a) => a.experiment.dimension === "policy")?.variant
      const message = assignments.find((a) => a.experiment.dimension === "message")?.variant
      // The moment an earlier one waited for asks whatever its own score (the caps still apply).
      const deferred = facts.waiting_for !== null && facts.waiting_for === timingMomentOf(input.trigger, facts.customer.order_count)
      const decision = applySelfReportedRule(evaluateMoment({
        moment: facts.signal_facts,
        customer: {
          holdout: policy?.kind === "holdout",
          propensity_band: propensity.band,
          explore: propensity.explore,
          ...facts.suppression_facts,
        },
        rules: {
          ask_cooldown_days: settings.ask_cooldown_days,
          max_prompts_per_30_days: settings.max_prompts_per_30_days,
          store_daily_cap: settings.store_daily_prompt_cap,
        },
        weights: settings.moment_weights ?? undefined,
        signalOptions: { highValueRatio: settings.high_value_ratio },
        threshold: deferred ? 0 : settings.moment_threshold,
      }), !!input.self_reported)
      // Guests cannot see a prompt in their account, so they are not asked.
      const guest = !facts.customer.has_account && decision.decision === "prompted"
      return {
        customer_id: input.customer_id,
        trigger: input.trigger,
        trigger_id: input.trigger_id,
        signals: {
          fired: decision.signals as string[],
          facts: { ...facts.signal_facts, ...(input.self_reported ? { self_reported: true } : {}) } as Record<string, unknown>,
        },
        score: decision.score,
        propensity: propensity.score,
        propensity_band: propensity.band,
        decision: guest ? ("suppressed" as const) : decision.decision,
        reason: guest ? "no_account" : decision.reason,
        variant: assignments.length ? assignments.map((a) => `${a.experiment.dimension}:${a.variant.key}`).join(",") : null,
        fixed_arm_id: policy?.kind === "fixed_arm" ? policy.arm_id : null,
        force_template: message?.kind === "template",
        deferred,
      }
    })
    // Learned timing: a moment that would ask may wait for a later one that has paid more in its context.
    const timing = decideMomentTimingStep(
      transform({ input, facts, evaluation }, ({ input, facts, evaluation }) => ({
        customer_id: input.customer_id,
        trigger: input.trigger,
        trigger_id: input.trigger_id,
        order_count_including_this: facts.customer.order_count,
        propensity_band: evaluation.propensity_band,
        deferred: evaluation.deferred,
        would_prompt: evaluation.decision === "prompted",
      }))
    )
    const recorded = recordViralMomentStep(
      transform({ evaluation, timing }, ({ evaluation, timing }) => {
        const { fixed_arm_id: _fixed, force_template: _template, deferred: _deferred, ...moment } = evaluation
        const waits = moment.decision === "prompted" && timing?.decision === "wait"
        return {
          ...moment,
          decision: waits ? ("suppressed" as const) : moment.decision,
          reason: waits ? WAITING_FOR_LATER_MOMENT : moment.reason,
          metadata: timing ? { timing } : null,
        }
      })
    )

    const prompt = when(
      "moment-prompts-customer",
      { recorded },
      ({ recorded }) => recorded.is_new && recorded.moment.decision === "prompted"
    ).then(() => {
      const code = ensureReferralCodeWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ customer_id: input.customer_id })),
      })
      const choice = chooseIncentiveArmStep(
        transform({ input, recorded, facts, evaluation }, ({ input, recorded, facts, evaluation }) => ({
          customer_id: evaluation.customer_id,
          moment_id: recorded.moment.id,
          propensity_band: evaluation.propensity_band,
          order_count: facts.customer.order_count,
          // Right after the purchase, or later (a delivery, a review): first-time buyers are told apart by it.
          ask_moment: input.trigger === OrderWorkflowEvents.PLACED ? ("purchase" as const) : ("later" as const),
          order_total: facts.order?.total ?? null,
          order_currency: facts.order?.currency_code ?? null,
          expected_margin_rate: facts.settings.expected_margin_rate,
          fixed_arm_id: evaluation.fixed_arm_id,
        }))
      )
      // Written here, off the checkout's request path: this runs from the order's event.
      const messageContext = loadMessageContextStep(
        transform({ input, code, choice }, ({ input, code, choice }) => ({
          customer_id: input.customer_id,
          arm_id: choice.arm_id,
          code: code.code,
          channel: "copy_link" as const,
          order_id: input.order_id ?? null,
        }))
      )
      const message = writeShareMessageStep(
        transform({ messageContext, recorded, evaluation }, ({ messageContext, recorded, evaluation }) => ({
          context: messageContext,
          seed: recorded.moment.id,
          force_template: evaluation.force_template,
        }))
      )
      // The code's promotion now carries the chosen arm's friend side (updated, never duplicated).
      updateCodePromotionOfferStep(
        transform({ code, choice }, ({ code, choice }) => ({
          promotion_id: code.promotion_id ?? null,
          arm_id: choice.arm_id,
          previous_arm_id: code.arm_id ?? null,
        }))
      )
      setReferralCodeArmStep(
        transform({ code, choice }, ({ code, choice }) => ({
          id: code.id,
          arm_id: choice.arm_id,
          previous_arm_id: code.arm_id ?? null,
        }))
      )
      const prompt = createReferralPromptStep(
        transform({ input, recorded, facts, evaluation, code, choice, message }, (data) => ({
          customer_id: data.input.customer_id,
          variant: data.evaluation.variant,
          message: {
            message: data.message.message,
            source: data.message.source,
            fallback_reason: data.message.fallback_reason,
          },
          moment_id: data.recorded.moment.id,
          referral_code: {
            id: data.code.id,
            code: data.code.code,
            promotion_id: data.code.promotion_id ?? null,
            arm_id: data.code.arm_id ?? null,
          },
          arm_id: data.choice.arm_id,
          context: data.choice.context,
          context_key: data.choice.context_key,
          sampled: data.choice.sampled,
          probability: data.choice.probability,
          propensity: data.evaluation.propensity,
          self_reported: !!data.input.self_reported,
          attribution_window_days: data.facts.settings.attribution_window_days,
        }))
      )
      // The moment now names its prompt, for the admin's list of decisions.
      setMomentPromptStep(
        transform({ recorded, prompt }, ({ recorded, prompt }) => ({
          moment_id: recorded.moment.id,
          prompt_id: prompt.id,
          previous_prompt_id: recorded.moment.prompt_id ?? null,
        }))
      )
      recordBanditPullStep(
        transform({ choice }, ({ choice }) => ({ arm_id: choice.arm_id, context_key: choice.context_key }))
      )
      emitEventStep({
        eventName: ReferralEvents.PROMPT_CREATED,
        data: transform({ prompt }, ({ prompt }) => ({ id: prompt.id })),
      })
      return prompt
    })

    releaseLockStep({ key: lockKey }).config({ name: "release-moment-lock" })
    return new WorkflowResponse(
      transform({ recorded, prompt }, ({ recorded, prompt }) => ({
        moment: prompt ? { ...recorded.moment, prompt_id: prompt.id } : recorded.moment,
        prompt: prompt ?? null,
      }))
    )
  }
)
