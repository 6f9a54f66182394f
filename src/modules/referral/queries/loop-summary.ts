import { MathBN } from "@medusajs/framework/utils"
import type { LoopSummary } from "../../../types/http/summary"
import type { Knex } from "../lib/transaction"

/**
 * The loop's counts in a few set-based queries: codes, funnel touches by
 * type, moments by decision, prompts by status, referrals by status (and
 * refusals by reason), referrer rewards by status and currency.
 */
export async function retrieveLoopSummary(knex: Knex): Promise<LoopSummary> {
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
