import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { describeOffer, describeOfferPhrase } from "../../../messages"
import { qrCode, shareLinks, unsubscribeToken } from "../../../notifications"
import type {
  NotificationOfferSide,
  NotificationReward,
  ReferralNotificationData,
  ReferralNotificationKind,
} from "../../../types/notifications"
import { CONVERTED_REFERRAL_STATUSES } from "../../../types/referral/constants"
import { refereeOffer, referrerOffer, type OfferSide } from "../../../rules/offer"
import { shareUrl } from "../../../utils/share-url"

/** One notification ready for `createNotifications`, or why none goes out. */
export type BuiltNotification<K extends ReferralNotificationKind = ReferralNotificationKind> =
  | {
      kind: K
      send: true
      customer_id: string
      to: string
      /** One per (kind, record): a redelivered event finds it and sends nothing more. */
      idempotency_key: string
      resource_type: string
      resource_id: string
      data: ReferralNotificationData[K]
    }
  | { kind: K; send: false; reason: string }

/** Moments that happen away from the storefront: the shopper only hears of them if we write. */
const OFF_SITE_TRIGGERS = ["delivery.created", "review", "nps"]

type Customer = { id: string; email: string | null; phone: string | null; first_name: string | null; metadata: Record<string, unknown> | null }

/** Reads what one notification needs and decides whether it goes out: consent, channel, the record's state. */
export async function buildReferralNotification(
  container: MedusaContainer,
  kind: ReferralNotificationKind,
  id: string
): Promise<BuiltNotification> {
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const options = referrals.getNotificationOptions()
  if (!options.enabled || !options.send[kind]) {
    return { kind, send: false, reason: "switched_off" }
  }
  const reader = new NotificationReader(container, referrals)
  switch (kind) {
    case "ask":
      return reader.ask(id)
    case "friend_joined":
      return reader.friendJoined(id)
    case "reward_issued":
    case "reward_revoked":
      return reader.reward(kind, id)
    case "offer_expiring":
      return reader.offerExpiring(id)
  }
}

class NotificationReader {
  private readonly options: ReturnType<IReferralModuleService["getNotificationOptions"]>

  constructor(
    private readonly container: MedusaContainer,
    private readonly referrals: IReferralModuleService
  ) {
    this.options = referrals.getNotificationOptions()
  }

  async ask(promptId: string): Promise<BuiltNotification<"ask">> {
    const [prompt] = await this.referrals.listReferralPrompts({ id: promptId }, { take: 1 })
    if (!prompt || prompt.status !== "open") {
      return { kind: "ask", send: false, reason: "prompt_not_open" }
    }
    const [moment] = prompt.moment_id ? await this.referrals.listViralMoments({ id: prompt.moment_id }, { take: 1 }) : []
    const repeatOrder = Number(moment?.signals?.facts?.order_count_including_this ?? 0) >= 2
    if (!moment || !(OFF_SITE_TRIGGERS.includes(moment.trigger) || repeatOrder)) {
      // A first order's prompt is shown on the order confirmation page, where the shopper is.
      return { kind: "ask", send: false, reason: "on_site_moment" }
    }
    const recipient = await this.recipient(prompt.customer_id, "ask")
    if ("reason" in recipient) {
      return { kind: "ask", send: false, reason: recipient.reason }
    }
    const offer = await this.codeOffer(prompt.referral_code_id, prompt.arm_id, prompt.customer_id)
    const qr = await qrCode(offer.share_url)
    return this.ready("ask", recipient, "referral_prompt", prompt.id, {
      customer: { id: recipient.customer.id, first_name: recipient.customer.first_name },
      code: offer.code,
      share_url: offer.share_url,
      message: prompt.message,
      offer: offer.offer,
      moment: moment.trigger,
      expires_at: new Date(prompt.expires_at).toISOString(),
      share_links: shareLinks(offer.share_url, prompt.message),
      qr_code_data_url: qr.data_url,
      qr_code_svg: qr.svg,
      unsubscribe_url: this.unsubscribeUrl(recipient.customer.id),
    })
  }

  async friendJoined(referralId: string): Promise<BuiltNotification<"friend_joined">> {
    const [referral] = await this.referrals.listReferrals({ id: referralId }, { relations: ["rewards"], take: 1 })
    // Held for review is not yet a conversion: the referrer hears of it once approved.
    if (!referral || !(CONVERTED_REFERRAL_STATUSES as readonly string[]).includes(referral.status)) {
      return { kind: "friend_joined", send: false, reason: "not_converted" }
    }
    const reward = referral.rewards?.find((r) => r.role === "referrer" && r.status !== "revoked")
    if (!reward) {
      return { kind: "friend_joined", send: false, reason: "no_reward" }
    }
    const recipient = await this.recipient(referral.referrer_customer_id, "friend_joined")
    if ("reason" in recipient) {
      return { kind: "friend_joined", send: false, reason: recipient.reason }
    }
    const friend = referral.referee_customer_id ? await this.customer(referral.referee_customer_id) : null
    return this.ready("friend_joined", recipient, "referral", referral.id, {
      customer: { id: recipient.customer.id, first_name: recipient.customer.first_name },
      friend_first_name: friend?.first_name ?? null,
      reward: { ...rewardFacts(reward), release_at: reward.release_at ? new Date(reward.release_at).toISOString() : null },
    })
  }

  async reward(
    kind: "reward_issued" | "reward_revoked",
    rewardId: string
  ): Promise<BuiltNotification<"reward_issued" | "reward_revoked">> {
    const [reward] = await this.referrals.listReferralRewards({ id: rewardId }, { take: 1 })
    const expected = kind === "reward_issued" ? "issued" : "revoked"
    // The friend's side is the discount they already saw at checkout: nothing to announce.
    if (!reward || reward.role !== "referrer" || reward.status !== expected || !reward.customer_id) {
      return { kind, send: false, reason: `not_${expected}` }
    }
    const recipient = await this.recipient(reward.customer_id, kind)
    if ("reason" in recipient) {
      return { kind, send: false, reason: recipient.reason }
    }
    const customer = { id: recipient.customer.id, first_name: recipient.customer.first_name }
    const facts = rewardFacts(reward)
    if (kind === "reward_revoked") {
      return this.ready(kind, recipient, "referral_reward", reward.id, { customer, reward: facts })
    }
    const code = reward.kind === "promotion" ? ((reward.metadata?.reserved_code as string | undefined) ?? null) : null
    return this.ready(kind, recipient, "referral_reward", reward.id, {
      customer,
      reward: { ...facts, code },
      how_to_use:
        reward.kind === "store_credit"
          ? "It is in your account as store credit and can be applied at checkout."
          : `Enter the code ${code} at checkout; it works once.`,
    })
  }

  async offerExpiring(promptId: string): Promise<BuiltNotification<"offer_expiring">> {
    const [prompt] = await this.referrals.listReferralPrompts({ id: promptId }, { take: 1 })
    if (!prompt || prompt.status !== "open") {
      return { kind: "offer_expiring", send: false, reason: "prompt_not_open" }
    }
    const recipient = await this.recipient(prompt.customer_id, "offer_expiring")
    if ("reason" in recipient) {
      return { kind: "offer_expiring", send: false, reason: recipient.reason }
    }
    const offer = await this.codeOffer(prompt.referral_code_id, prompt.arm_id, prompt.customer_id)
    return this.ready("offer_expiring", recipient, "referral_prompt", prompt.id, {
      customer: { id: recipient.customer.id, first_name: recipient.customer.first_name },
      code: offer.code,
      share_url: offer.share_url,
      offer: offer.offer,
      expires_at: new Date(prompt.expires_at).toISOString(),
      share_links: shareLinks(offer.share_url, prompt.message),
      unsubscribe_url: this.unsubscribeUrl(recipient.customer.id),
    })
  }

  private ready<K extends ReferralNotificationKind>(
    kind: K,
    recipient: { customer: Customer; to: string },
    resource_type: string,
    resource_id: string,
    data: ReferralNotificationData[K]
  ): BuiltNotification<K> {
    return {
      kind,
      send: true,
      customer_id: recipient.customer.id,
      to: recipient.to,
      idempotency_key: `smart-referrals:${kind}:${resource_id}`,
      resource_type,
      resource_id,
      data,
    }
  }

  /** Who receives it on the configured channel, unless they have no address there or declined asks. */
  private async recipient(
    customerId: string,
    kind: ReferralNotificationKind
  ): Promise<{ customer: Customer; to: string } | { reason: string }> {
    const customer = await this.customer(customerId)
    if (!customer) {
      return { reason: "no_customer" }
    }
    if (kind === "ask" || kind === "offer_expiring") {
      if (customer.metadata?.[this.options.marketing_opt_out_key]) {
        return { reason: "marketing_opt_out" }
      }
      if ((customer.metadata?.referral_program as { asks?: boolean } | undefined)?.asks === false) {
        return { reason: "unsubscribed" }
      }
    }
    const to = this.options.channel === "sms" ? customer.phone : customer.email
    return to ? { customer, to } : { reason: `no_${this.options.channel}_address` }
  }

  private async customer(id: string): Promise<Customer | null> {
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "phone", "first_name", "metadata"],
      filters: { id },
    })
    return (data[0] as Customer | undefined) ?? null
  }

  /** The code, its link and the offer it carries, priced in the currency of the customer's latest order. */
  private async codeOffer(codeId: string, armId: string, customerId: string) {
    const [[code], [arm]] = await Promise.all([
      this.referrals.listReferralCodes({ id: codeId }, { take: 1 }),
      this.referrals.listIncentiveArms({ id: armId }, { take: 1 }),
    ])
    const query = this.container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["currency_code"],
      filters: { customer_id: customerId },
      pagination: { take: 1, order: { created_at: "DESC" } },
    })
    const currency = (orders[0]?.currency_code as string | undefined) ?? "usd"
    const side = (s: OfferSide): NotificationOfferSide => ({
      type: s.type,
      value: s.value,
      currency_code: s.type === "percentage" ? null : (s.currency_code ?? currency).toLowerCase(),
      label: describeOfferPhrase(s, currency),
    })
    const url = shareUrl(code.code, this.referrals.getOptions().share_url_template)
    return {
      code: code.code,
      share_url: url,
      offer: { referee: side(refereeOffer(arm)), referrer: side(referrerOffer(arm)) },
    }
  }

  private unsubscribeUrl(customerId: string): string {
    const token = unsubscribeToken(customerId, unsubscribeSecret(this.container))
    return this.options.unsubscribe_url_template.replace("{token}", encodeURIComponent(token))
  }
}

type RewardRecord = { kind: string; amount: unknown; currency_code: string; metadata?: Record<string, unknown> | null }

/** A reward as the referrer reads it: a percentage code is a percentage, never an amount of money. */
function rewardFacts(reward: RewardRecord): NotificationReward {
  const amount = MathBN.convert(reward.amount as number).toNumber()
  const kind = reward.kind === "store_credit" ? "store_credit" : "promotion"
  const percentage = reward.metadata?.promotion_type === "percentage"
  const side: OfferSide = percentage
    ? { type: "percentage", value: amount, currency_code: null }
    : { type: kind === "store_credit" ? "store_credit" : "fixed", value: amount, currency_code: reward.currency_code }
  const label =
    kind === "store_credit"
      ? describeOfferPhrase(side, reward.currency_code)
      : `${describeOffer(side, reward.currency_code)} off your next order`
  return { kind, amount, currency_code: reward.currency_code, label }
}

/** Unsubscribe links are signed with the store's cookie secret, which only the server knows. */
export function unsubscribeSecret(container: MedusaContainer): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return String(config.projectConfig.http.cookieSecret ?? config.projectConfig.http.jwtSecret ?? "supersecret")
}
