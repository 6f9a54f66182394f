import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { ConvertReferralInput } from "../../../types"
import { HOUR_MS } from "../../../types"
import { isPublicIp } from "../../../utils/ip-address"
import { keyedHash } from "../../../utils/keyed-hash"
import { FLAG_HASH_SECRET, storeSecret } from "../../../utils/store-secret"
import type { AddressLike } from "../../../rules/normalize-identity"
import {
  flagReferral,
  paymentFingerprints,
  type ReferralFlag,
  type SiblingReferral,
} from "../../../rules/referral-flags"

export const detectReferralFraudStepId = "detect-referral-fraud"

/** The referrer's most recent other friends compared for a ring; enough for any real circle. */
const RING_SIBLINGS = 200

type OrderFacts = {
  id: string
  shipping_address?: AddressLike | null
  payment_collections?: ({
    payments?: ({ data?: unknown } | null)[] | null
    payment_sessions?: ({ data?: unknown } | null)[] | null
  } | null)[] | null
}

/**
 * The fraud rules' verdict on a referral about to convert (`flagReferral`):
 * the friend's email domain, how many referrals came from the same public
 * address or device within the window (attempts refused before an order
 * excepted: their code never applied), and whether the friend shares a
 * shipping address or card with another friend of the same referrer. The
 * flags keep keyed hashes of the address and device and the ids of the other
 * friend's referral and order, never their values or emails. Answers
 * no flags for a referral that is no longer pending, so a redelivered
 * `order.placed` neither recomputes nor duplicates them. Reads only.
 */
export const detectReferralFraudStep = createStep(
  detectReferralFraudStepId,
  async (conversion: ConvertReferralInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const referral = await referrals.retrieveReferral(conversion.referral_id)
    const settings = await referrals.retrieveProgramSettings()
    const anyRule = settings.flag_disposable_email || settings.flag_ip_velocity || settings.flag_shared_fingerprint
    if (referral.status !== "pending" || !anyRule) {
      return new StepResponse([] as ReferralFlag[])
    }

    const since = new Date(Date.now() - settings.ip_velocity_window_hours * HOUR_MS)
    // Private, loopback and carrier-grade NAT addresses are a proxy or a shared gateway, not a shopper.
    const ip = settings.flag_ip_velocity && isPublicIp(referral.ip_address) ? referral.ip_address! : null
    const visitorId = settings.flag_ip_velocity ? referral.visitor_id : null
    // This referral counts once, whenever it started; the others by when they started. An attempt refused
    // before any order (at the cart or at checkout) never applied its code: it is no referral from there.
    const othersInWindow = async (filter: { ip_address: string } | { visitor_id: string }) =>
      (await referrals.listAndCountReferrals(
        {
          ...filter,
          id: { $ne: referral.id },
          created_at: { $gte: since },
          $or: [{ status: { $ne: "rejected" } }, { order_id: { $ne: null } }],
        },
        { take: 1, select: ["id"] }
      ))[1] + 1

    const [ipReferrals, deviceReferrals, ring] = await Promise.all([
      ip ? othersInWindow({ ip_address: ip }) : null,
      visitorId ? othersInWindow({ visitor_id: visitorId }) : null,
      settings.flag_shared_fingerprint ? loadRing(container, referrals, referral, conversion) : null,
    ])

    // Hashes, not the identifiers: a flag outlives the retention of the address and device it saw.
    const secret = ip || visitorId ? await storeSecret(referrals, FLAG_HASH_SECRET) : ""
    const flags = flagReferral({
      program: settings,
      friend: {
        email: conversion.referee_email ?? referral.referee_email,
        address: ring?.friend.address ?? null,
        payment_fingerprints: ring?.friend.payment_fingerprints ?? [],
      },
      ip: ip && ipReferrals ? { hash: keyedHash(ip, secret), referrals: ipReferrals } : null,
      device: visitorId && deviceReferrals ? { hash: keyedHash(visitorId, secret), referrals: deviceReferrals } : null,
      siblings: ring?.siblings ?? [],
    })
    return new StepResponse(flags)
  }
)

/**
 * The friend's order and the orders of the referrer's other friends (other
 * accounts and emails), with shipping addresses and card fingerprints.
 */
async function loadRing(
  container: MedusaContainer,
  referrals: IReferralModuleService,
  referral: { id: string; referrer_customer_id: string; referee_customer_id: string | null; referee_email: string | null },
  conversion: ConvertReferralInput
) {
  const friendCustomer = conversion.referee_customer_id ?? referral.referee_customer_id
  const friendEmail = conversion.referee_email ?? referral.referee_email
  const others = (
    await referrals.listReferrals(
      { referrer_customer_id: referral.referrer_customer_id, id: { $ne: referral.id }, order_id: { $ne: null } },
      { select: ["id", "order_id", "referee_customer_id", "referee_email"], take: RING_SIBLINGS, order: { created_at: "DESC" } }
    )
  ).filter(
    (other) =>
      other.order_id !== conversion.order_id &&
      !(friendCustomer && other.referee_customer_id === friendCustomer) &&
      !(friendEmail && other.referee_email === friendEmail)
  )

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = (await query.graph({
    entity: "order",
    fields: [
      "id",
      "shipping_address.*",
      "payment_collections.payments.data",
      "payment_collections.payment_sessions.data",
    ],
    filters: { id: [conversion.order_id, ...others.map((other) => other.order_id!)] },
  })) as unknown as { data: OrderFacts[] }
  const byId = new Map(orders.map((order) => [order.id, order]))
  const facts = (order?: OrderFacts) => ({
    address: order?.shipping_address ?? null,
    payment_fingerprints: (order?.payment_collections ?? []).flatMap((collection) =>
      [...(collection?.payments ?? []), ...(collection?.payment_sessions ?? [])].flatMap((payment) =>
        paymentFingerprints(payment?.data)
      )
    ),
  })

  const siblings: SiblingReferral[] = others
    .filter((other) => byId.has(other.order_id!))
    .map((other) => ({
      referral_id: other.id,
      order_id: other.order_id!,
      ...facts(byId.get(other.order_id!)),
    }))
  return { friend: facts(byId.get(conversion.order_id)), siblings }
}
