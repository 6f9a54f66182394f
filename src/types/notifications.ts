/**
 * What the plugin sends through Medusa's Notification module: the kinds, their
 * default template names, and the exact `data` each template receives. A store
 * writes its provider's templates (SendGrid, Resend, …) against these shapes;
 * the plugin also renders plain `content` (subject, text, html) of its own for
 * providers that send raw content.
 */

export const REFERRAL_NOTIFICATION_KINDS = [
  "ask",
  "friend_joined",
  "reward_issued",
  "reward_revoked",
  "offer_expiring",
] as const
export type ReferralNotificationKind = (typeof REFERRAL_NOTIFICATION_KINDS)[number]

/** Template names sent to the provider unless the plugin options name others. */
export const DEFAULT_NOTIFICATION_TEMPLATES: Readonly<Record<ReferralNotificationKind, string>> = Object.freeze({
  ask: "smart-referrals-ask",
  friend_joined: "smart-referrals-friend-joined",
  reward_issued: "smart-referrals-reward-issued",
  reward_revoked: "smart-referrals-reward-revoked",
  offer_expiring: "smart-referrals-offer-expiring",
})

/** Asks are marketing (consent applies); the others are transactional news about the customer's own rewards. */
export const MARKETING_NOTIFICATION_KINDS: readonly ReferralNotificationKind[] = ["ask", "offer_expiring"]

/** Ready-made share links for the referrer's link and message. */
export type ShareLinks = { email: string; sms: string; whatsapp: string; x: string; facebook: string; copy: string }

export type NotificationRecipient = { id: string; first_name: string | null }

/** One side of an offer as a notification shows it: "10% off", "$5.00 in store credit". */
export type NotificationOfferSide = {
  type: "percentage" | "fixed" | "store_credit"
  value: number
  currency_code: string | null
  label: string
}

export type NotificationReward = {
  kind: "store_credit" | "promotion"
  /** A percentage for percentage discount codes, else an amount in `currency_code`. */
  amount: number
  currency_code: string
  /** "$10.00 in store credit", "15% off your next order". */
  label: string
}

export type ReferralAskData = {
  customer: NotificationRecipient
  code: string
  share_url: string
  /** The share message written for this customer (LLM or template). */
  message: string
  offer: { referee: NotificationOfferSide; referrer: NotificationOfferSide }
  /** What triggered the ask: "delivery.created", "review", "nps" or "order.placed" (a repeat order). */
  moment: string
  expires_at: string
  share_links: ShareLinks
  /** The share link as a QR code: a PNG data URL for `<img src>`, and an SVG document. */
  qr_code_data_url: string
  qr_code_svg: string
  /** One click switches asks off for this customer. */
  unsubscribe_url: string
}

export type ReferralFriendJoinedData = {
  customer: NotificationRecipient
  /** The friend's first name, if they gave one; never their email. */
  friend_first_name: string | null
  reward: NotificationReward & { release_at: string | null }
}

export type ReferralRewardIssuedData = {
  customer: NotificationRecipient
  reward: NotificationReward & {
    /** The single-use code, for discount-code rewards. */
    code: string | null
  }
  /** One sentence on how to spend it. */
  how_to_use: string
}

export type ReferralRewardRevokedData = {
  customer: NotificationRecipient
  reward: NotificationReward
}

export type ReferralOfferExpiringData = {
  customer: NotificationRecipient
  code: string
  share_url: string
  offer: { referee: NotificationOfferSide; referrer: NotificationOfferSide }
  expires_at: string
  share_links: ShareLinks
  unsubscribe_url: string
}

export type ReferralNotificationData = {
  ask: ReferralAskData
  friend_joined: ReferralFriendJoinedData
  reward_issued: ReferralRewardIssuedData
  reward_revoked: ReferralRewardRevokedData
  offer_expiring: ReferralOfferExpiringData
}

/** The plugin's own rendering, sent as the notification's `content`. */
export type RenderedNotification = { subject: string; text: string; html: string }

/** Medusa's notification `trigger_type` of the plugin's notifications: "smart-referrals.ask", … */
export const notificationTriggerType = (kind: ReferralNotificationKind) => `smart-referrals.${kind}`
