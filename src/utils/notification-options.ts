import { MedusaError } from "@medusajs/framework/utils"
import {
  DEFAULT_NOTIFICATION_TEMPLATES,
  REFERRAL_NOTIFICATION_KINDS,
  type ReferralNotificationKind,
} from "../types/notifications"

/**
 * How asks and reward news reach the shopper through Medusa's Notification
 * module. Every field is optional; NOTIFICATION_DEFAULTS fill the rest.
 *
 * - enabled: false sends nothing at all.
 * - channel: the Notification module channel ("email"; "sms" sends to the customer's phone).
 * - templates: the provider's template name per kind (see DEFAULT_NOTIFICATION_TEMPLATES).
 * - send: per kind on/off; the expiry reminder is off unless switched on.
 * - marketing_opt_out_key: a customer metadata flag the store sets when a
 *   customer declines marketing; such a customer gets no ask (reward news still goes).
 * - unsubscribe_url_template: the storefront page behind an ask's unsubscribe
 *   link; `{token}` is replaced, and the page posts it to `POST /store/referrals/unsubscribe`.
 * - reminder_days_before: how long before a shared offer expires the reminder goes out.
 */
export type NotificationOptions = {
  enabled?: boolean
  channel?: string
  templates?: Partial<Record<ReferralNotificationKind, string>>
  send?: Partial<Record<ReferralNotificationKind, boolean>>
  marketing_opt_out_key?: string
  unsubscribe_url_template?: string
  reminder_days_before?: number
}

export type ResolvedNotificationOptions = {
  enabled: boolean
  channel: string
  templates: Record<ReferralNotificationKind, string>
  send: Record<ReferralNotificationKind, boolean>
  marketing_opt_out_key: string
  unsubscribe_url_template: string
  reminder_days_before: number
}

export const NOTIFICATION_DEFAULTS: Readonly<ResolvedNotificationOptions> = Object.freeze({
  enabled: true,
  channel: "email",
  templates: { ...DEFAULT_NOTIFICATION_TEMPLATES },
  send: { ask: true, friend_joined: true, reward_issued: true, reward_revoked: true, offer_expiring: false },
  marketing_opt_out_key: "marketing_opt_out",
  unsubscribe_url_template: "http://localhost:8000/referrals/unsubscribe?token={token}",
  reminder_days_before: 3,
})

/** Options over the defaults; a bad value fails at start-up with the option's name. */
export function resolveNotificationOptions(options: NotificationOptions = {}): ResolvedNotificationOptions {
  const invalid = (message: string) =>
    new MedusaError(MedusaError.Types.INVALID_DATA, `smart-referrals option notifications.${message}`)
  for (const key of [...Object.keys(options.templates ?? {}), ...Object.keys(options.send ?? {})]) {
    if (!(REFERRAL_NOTIFICATION_KINDS as readonly string[]).includes(key)) {
      throw invalid(`${key}: unknown kind; one of ${REFERRAL_NOTIFICATION_KINDS.join(", ")}`)
    }
  }
  const days = options.reminder_days_before ?? NOTIFICATION_DEFAULTS.reminder_days_before
  if (!Number.isInteger(days) || days < 1 || days > 30) {
    throw invalid("reminder_days_before must be a whole number of days from 1 to 30")
  }
  const template = options.unsubscribe_url_template ?? NOTIFICATION_DEFAULTS.unsubscribe_url_template
  if (!template.includes("{token}")) {
    throw invalid("unsubscribe_url_template must contain {token}")
  }
  return {
    enabled: options.enabled ?? NOTIFICATION_DEFAULTS.enabled,
    channel: options.channel ?? NOTIFICATION_DEFAULTS.channel,
    templates: { ...NOTIFICATION_DEFAULTS.templates, ...options.templates },
    send: { ...NOTIFICATION_DEFAULTS.send, ...options.send },
    marketing_opt_out_key: options.marketing_opt_out_key ?? NOTIFICATION_DEFAULTS.marketing_opt_out_key,
    unsubscribe_url_template: template,
    reminder_days_before: days,
  }
}
