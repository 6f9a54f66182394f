import type { CreateNotificationDTO, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { renderNotification } from "../../../notifications"
import { notificationTriggerType } from "../../../types/notifications"
import type { BuiltNotification } from "../utils/referral-notification"

export const sendReferralNotificationsStepId = "send-referral-notifications"

export type SendReferralNotificationsResult = {
  sent: { kind: string; idempotency_key: string }[]
  skipped: { kind: string; reason: string }[]
}

/**
 * Hands the notifications to Medusa's Notification module, each with its
 * idempotency key, so a redelivered event sends nothing twice (on several
 * instances too: the key is unique in Medusa's table). A store without a
 * provider for the channel loses nothing: sending is skipped with one log line.
 * Nothing to undo: a sent message cannot be unsent, so this is a workflow's last step.
 */
export const sendReferralNotificationsStep = createStep(
  sendReferralNotificationsStepId,
  async (built: BuiltNotification[], { container }) => {
    const result: SendReferralNotificationsResult = { sent: [], skipped: [] }
    const ready = built.filter((b): b is Extract<BuiltNotification, { send: true }> => {
      if (!b.send) {
        result.skipped.push({ kind: b.kind, reason: b.reason })
      }
      return b.send
    })
    if (!ready.length) {
      return new StepResponse(result)
    }
    const options = container.resolve<IReferralModuleService>(REFERRAL_MODULE).getNotificationOptions()
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION, { allowUnregistered: true })
    if (!notifications || !providerMayServe(container, options.channel)) {
      logNoProvider(container, options.channel)
      result.skipped.push(...ready.map((b) => ({ kind: b.kind, reason: "no_provider" })))
      return new StepResponse(result)
    }
    const payload: CreateNotificationDTO[] = ready.map((b) => ({
      to: b.to,
      channel: options.channel,
      template: options.templates[b.kind],
      data: b.data,
      content: renderNotification(b.kind, b.data),
      trigger_type: notificationTriggerType(b.kind),
      resource_id: b.resource_id,
      resource_type: b.resource_type,
      receiver_id: b.customer_id,
      idempotency_key: b.idempotency_key,
    }))
    try {
      await notifications.createNotifications(payload)
    } catch (error) {
      // The provider went away between the check and the send: nothing to retry until one is configured.
      if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.NOT_FOUND) {
        logNoProvider(container, options.channel)
        result.skipped.push(...ready.map((b) => ({ kind: b.kind, reason: "no_provider" })))
        return new StepResponse(result)
      }
      throw error
    }
    result.sent.push(...ready.map((b) => ({ kind: b.kind, idempotency_key: b.idempotency_key })))
    return new StepResponse(result)
  }
)

/**
 * Whether the store configured a notification provider for the channel. Medusa's
 * default registers only a local "feed" provider; asking it for "email" would
 * store a failed notification per ask. When the configuration does not say
 * (a provider registered another way), the send is tried.
 */
function providerMayServe(container: MedusaContainer, channel: string): boolean {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const declaration = config.modules?.[Modules.NOTIFICATION]
  if (!declaration || typeof declaration !== "object") {
    return true
  }
  const providers = (declaration.options as { providers?: { options?: { channels?: unknown } }[] } | undefined)?.providers
  if (!Array.isArray(providers)) {
    return true
  }
  return providers.some((p) => {
    const channels = p.options?.channels
    return !Array.isArray(channels) || channels.includes(channel)
  })
}

let warned = false
function logNoProvider(container: MedusaContainer, channel: string) {
  if (!warned) {
    warned = true
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`smart-referrals: no notification provider for the "${channel}" channel; referral emails are skipped until one is configured`)
  }
}
