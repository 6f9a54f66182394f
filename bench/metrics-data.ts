/**
 * A synthetic store for the loop-metrics bench, generated inside PostgreSQL
 * with INSERT ... SELECT generate_series (no rows cross the wire). Reproducible:
 * every draw is a hash of (row number, salt), not random().
 *
 * Over the 365 days before ANCHOR:
 * - 100,000 referrals: 75% converted (45% converted, 30% rewarded), referrers
 *   skewed towards a few (u² over 100,000 customers), 85% usd / 15% eur;
 * - ~200,000 prompts: one for 60% of the conversions (the prompt the referral
 *   settled, created up to 10 days before it; these referrals carry its arm
 *   and variant), the rest open/expired prompts across 4 arms, 3 variants
 *   (one null) and 3 propensity bands;
 * - 1,000,000 touches: prompt_shown for 90% of prompts, shares for ~35% (a
 *   second for 12%), code_applied per referral, first_order per conversion,
 *   and clicks for the rest;
 * - rewards for every conversion: the friend's discount (5% revoked) and the
 *   referrer's (60% store credit, 25% fixed promotion, 15% percentage;
 *   issued when rewarded, else 85% held / 15% revoked);
 * - 300,000 orders: each friend's converting order, follow-ups for 40% of
 *   friends (up to 3 within 120 days, 5% canceled), and the rest from the
 *   100,000 existing customers (5% canceled, 1% drafts); one order_summary
 *   per order and a second version for 10%.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export const ANCHOR = new Date("2026-11-01T00:00:00Z")
export const DATA_CONFIG = {
  anchor: ANCHOR.toISOString(),
  days: 365,
  customers: 100_000,
  referrals: 100_000,
  prompts: 200_000,
  touches: 1_000_000,
  orders: 300_000,
}

const RND = `
  CREATE OR REPLACE FUNCTION bench_rnd(n bigint, salt integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashint8(n * 1000 + salt)::bigint + 2147483648) / 4294967296.0 $$`

/** A band, tier and super-connector flag drawn from row n. */
const context = (n: string) => `
  jsonb_build_object(
    'propensity_band', CASE WHEN bench_rnd(${n}, 12) < 0.5 THEN 'low' WHEN bench_rnd(${n}, 12) < 0.85 THEN 'medium' ELSE 'high' END,
    'value_tier', CASE WHEN bench_rnd(${n}, 13) < 0.4 THEN 'low' WHEN bench_rnd(${n}, 13) < 0.8 THEN 'mid' ELSE 'high' END,
    'super_connector', bench_rnd(${n}, 14) < 0.05)`

const STEPS: [string, string][] = [
  [
    "referrals",
    `INSERT INTO referral (id, code, referral_code_id, referrer_customer_id, referee_customer_id, status, reason,
       order_id, order_total, raw_order_total, currency_code, arm_id, variant, attributed_at, converted_at, created_at, updated_at)
     SELECT 'ref_' || i, 'CODE' || ref_n, 'refcode_' || ref_n, 'cus_' || ref_n, 'cus_f' || i, status,
       CASE WHEN status = 'rejected' THEN 'referrer_cap_reached' END,
       CASE WHEN conv THEN 'order_f' || i END,
       CASE WHEN conv THEN total END,
       CASE WHEN conv THEN jsonb_build_object('value', total::text, 'precision', 20) END,
       currency,
       CASE WHEN linked THEN 'arm_' || (1 + floor(bench_rnd(i, 7) * 4))::int END,
       CASE WHEN linked THEN (ARRAY['a', 'b', NULL])[1 + floor(bench_rnd(i, 8) * 3)::int] END,
       created,
       CASE WHEN conv THEN created + bench_rnd(i, 4) * interval '3 days' END,
       created, created
     FROM (
       SELECT i, u < 0.75 AS conv, u < 0.75 AND bench_rnd(i, 9) < 0.6 AS linked,
         1 + floor(power(bench_rnd(i, 3), 2) * :customers)::int AS ref_n,
         CASE WHEN u < 0.45 THEN 'converted' WHEN u < 0.75 THEN 'rewarded' WHEN u < 0.85 THEN 'pending'
              WHEN u < 0.93 THEN 'rejected' ELSE 'expired' END AS status,
         round((20 + bench_rnd(i, 5) * 200)::numeric, 2) AS total,
         CASE WHEN bench_rnd(i, 6) < 0.85 THEN 'usd' ELSE 'eur' END AS currency,
         :start::timestamptz + bench_rnd(i, 1) * :days * interval '1 day' AS created
       FROM (SELECT i, bench_rnd(i, 2) AS u FROM generate_series(1, :referrals) i) s
     ) s`,
  ],
  [
    "prompts settled by a referral",
    `INSERT INTO referral_prompt (id, customer_id, referral_code_id, arm_id, context_key, context, message, variant,
       status, expires_at, outcome_at, referral_id, probability, created_at, updated_at)
     SELECT 'refpr_l' || r.n, r.referrer_customer_id, r.referral_code_id, r.arm_id,
       (r.c ->> 'propensity_band') || ':' || (r.c ->> 'value_tier') || ':' || (r.c ->> 'super_connector'), r.c, 'Share this', r.variant,
       'converted', r.created + interval '14 days', r.converted_at, r.id, 0.25, r.created, r.created
     FROM (
       SELECT r.*, ${context("r.n")} AS c, r.converted_at - bench_rnd(r.n, 10) * interval '10 days' AS created
       FROM (SELECT r.*, substr(r.id, 5)::bigint AS n FROM referral r WHERE r.arm_id IS NOT NULL) r
     ) r`,
  ],
  [
    "other prompts",
    `INSERT INTO referral_prompt (id, customer_id, referral_code_id, arm_id, context_key, context, message, variant,
       status, expires_at, probability, created_at, updated_at)
     SELECT 'refpr_' || n, 'cus_' || cust, 'refcode_' || cust, 'arm_' || (1 + floor(bench_rnd(n, 21) * 4))::int,
       (c ->> 'propensity_band') || ':' || (c ->> 'value_tier') || ':' || (c ->> 'super_connector'), c, 'Share this',
       (ARRAY['a', 'b', NULL])[1 + floor(bench_rnd(n, 22) * 3)::int],
       CASE WHEN created > :end::timestamptz - interval '14 days' THEN 'open' ELSE 'expired' END,
       created + interval '14 days', 0.25, created, created
     FROM (
       SELECT n, 1 + floor(bench_rnd(n, 20) * :customers)::int AS cust, ${context("n")} AS c,
         :start::timestamptz + bench_rnd(n, 23) * :days * interval '1 day' AS created
       FROM generate_series(1, :prompts - (SELECT count(*) FROM referral_prompt)) n
     ) s`,
  ],
  [
    "prompt_shown and share touches",
    `INSERT INTO referral_touch (id, type, referral_code_id, customer_id, channel, metadata, created_at, updated_at)
     SELECT v.id, v.type, p.referral_code_id, p.customer_id, v.channel,
       jsonb_build_object('prompt_id', p.prompt_id, 'arm_id', p.arm_id), v.created, v.created
     FROM (
       SELECT p.*, hashtext(p.id)::bigint AS h, p.id AS prompt_id,
         p.created_at + bench_rnd(hashtext(p.id), 30) * interval '2 days' AS shown_at
       FROM referral_prompt p
     ) p,
     LATERAL (VALUES
       ('tch_s_' || p.id, 'prompt_shown', NULL::text, p.shown_at, bench_rnd(p.h, 31) < 0.9),
       ('tch_h1_' || p.id, 'share', 'email', p.shown_at + bench_rnd(p.h, 34) * interval '3 days', bench_rnd(p.h, 32) < 0.35),
       ('tch_h2_' || p.id, 'share', 'whatsapp', p.shown_at + bench_rnd(p.h, 35) * interval '5 days',
         bench_rnd(p.h, 32) < 0.35 AND bench_rnd(p.h, 33) < 0.35)
     ) v(id, type, channel, created, keep)
     WHERE v.keep`,
  ],
  [
    "code_applied and first_order touches",
    `INSERT INTO referral_touch (id, type, referral_code_id, code, customer_id, referral_id, created_at, updated_at)
     SELECT 'tch_a_' || r.id, 'code_applied', r.referral_code_id, r.code, r.referee_customer_id, r.id, r.created_at, r.created_at
     FROM referral r
     UNION ALL
     SELECT 'tch_f_' || r.id, 'first_order', r.referral_code_id, r.code, r.referee_customer_id, r.id, r.converted_at, r.converted_at
     FROM referral r WHERE r.status IN ('converted', 'rewarded')`,
  ],
  [
    "clicks",
    `INSERT INTO referral_touch (id, type, referral_code_id, visitor_id, created_at, updated_at)
     SELECT 'tch_c' || k, 'click', 'refcode_' || (1 + floor(power(bench_rnd(k, 40), 2) * :customers)::int), 'vis_' || k, created, created
     FROM (
       SELECT k, :start::timestamptz + bench_rnd(k, 41) * :days * interval '1 day' AS created
       FROM generate_series(1, :touches - (SELECT count(*) FROM referral_touch)) k
     ) s`,
  ],
  [
    "rewards",
    `INSERT INTO referral_reward (id, referral_id, customer_id, role, kind, amount, raw_amount, currency_code, status,
       release_at, issued_at, revoked_at, metadata, created_at, updated_at)
     SELECT v.id, v.referral_id, v.customer_id, v.role, v.kind, v.amount,
       jsonb_build_object('value', v.amount::text, 'precision', 20), r.currency_code, v.status, v.release_at,
       CASE WHEN v.status = 'issued' THEN r.created + interval '14 days' END,
       CASE WHEN v.status = 'revoked' THEN r.created + interval '10 days' END,
       v.metadata, r.created, r.created
     FROM (
       SELECT r.*, substr(r.id, 5)::bigint AS n, r.converted_at AS created FROM referral r
       WHERE r.status IN ('converted', 'rewarded')
     ) r,
     LATERAL (VALUES
       ('rw_e_' || r.id, r.id, r.referee_customer_id, 'referee', 'discount', round(r.order_total * 0.1, 2),
         CASE WHEN bench_rnd(r.n, 43) < 0.05 THEN 'revoked' ELSE 'issued' END, NULL::timestamptz, NULL::jsonb),
       ('rw_r_' || r.id, r.id, r.referrer_customer_id, 'referrer',
         CASE WHEN bench_rnd(r.n, 44) < 0.6 THEN 'store_credit' ELSE 'promotion' END,
         CASE WHEN bench_rnd(r.n, 44) < 0.85 THEN 10 ELSE 15 END::numeric,
         CASE WHEN r.status = 'rewarded' THEN 'issued' WHEN bench_rnd(r.n, 45) < 0.85 THEN 'held' ELSE 'revoked' END,
         r.converted_at + interval '14 days',
         CASE WHEN bench_rnd(r.n, 44) < 0.6 THEN NULL
              WHEN bench_rnd(r.n, 44) < 0.85 THEN '{"promotion_type": "fixed"}'::jsonb
              ELSE '{"promotion_type": "percentage"}'::jsonb END)
     ) v(id, referral_id, customer_id, role, kind, amount, status, release_at, metadata)`,
  ],
  [
    "friends' orders",
    `INSERT INTO "order" (id, customer_id, status, is_draft_order, currency_code, created_at, updated_at)
     SELECT v.id, r.referee_customer_id, v.status::order_status_enum, false, r.currency_code, v.created, v.created
     FROM (
       SELECT r.*, substr(r.id, 5)::bigint AS n, r.converted_at - interval '1 minute' AS first_at
       FROM referral r WHERE r.status IN ('converted', 'rewarded')
     ) r,
     LATERAL (VALUES
       (r.order_id, 'completed', r.first_at, true),
       (r.order_id || '_1', CASE WHEN bench_rnd(r.n, 51) < 0.05 THEN 'canceled' ELSE 'completed' END,
         r.first_at + bench_rnd(r.n, 52) * interval '120 days', bench_rnd(r.n, 50) < 0.4),
       (r.order_id || '_2', CASE WHEN bench_rnd(r.n, 53) < 0.05 THEN 'canceled' ELSE 'completed' END,
         r.first_at + bench_rnd(r.n, 54) * interval '120 days', bench_rnd(r.n, 50) < 0.2),
       (r.order_id || '_3', CASE WHEN bench_rnd(r.n, 55) < 0.05 THEN 'canceled' ELSE 'completed' END,
         r.first_at + bench_rnd(r.n, 56) * interval '120 days', bench_rnd(r.n, 50) < 0.1)
     ) v(id, status, created, keep)
     WHERE v.keep`,
  ],
  [
    "other orders",
    `INSERT INTO "order" (id, customer_id, status, is_draft_order, currency_code, created_at, updated_at)
     SELECT 'order_g' || k, 'cus_' || (1 + floor(bench_rnd(k, 60) * :customers)::int),
       (CASE WHEN bench_rnd(k, 61) < 0.05 THEN 'canceled' ELSE 'completed' END)::order_status_enum,
       bench_rnd(k, 62) < 0.01,
       CASE WHEN bench_rnd(k, 63) < 0.85 THEN 'usd' ELSE 'eur' END, created, created
     FROM (
       SELECT k, :start::timestamptz + bench_rnd(k, 64) * :days * interval '1 day' AS created
       FROM generate_series(1, :orders - (SELECT count(*) FROM "order")) k
     ) s`,
  ],
  [
    "order summaries",
    `INSERT INTO order_summary (id, order_id, version, totals, created_at, updated_at)
     SELECT 'os_' || o.id || '_' || v.version, o.id, v.version,
       jsonb_build_object('raw_current_order_total', jsonb_build_object('value', (v.factor * o.total)::text, 'precision', 20)),
       o.created_at, o.created_at
     FROM (
       SELECT o.id, o.created_at, hashtext(o.id)::bigint AS h,
         COALESCE(r.order_total, round((20 + bench_rnd(hashtext(o.id), 70) * 200)::numeric, 2)) AS total
       FROM "order" o LEFT JOIN referral r ON r.order_id = o.id
     ) o,
     LATERAL (VALUES (1, 1.0::numeric, true), (2, 0.9::numeric, bench_rnd(o.h, 71) < 0.1)) v(version, factor, keep)
     WHERE v.keep`,
  ],
]

/** Fills the scratch database; returns seconds per step. */
export async function generateStore(db: Knex, log: (line: string) => void): Promise<Record<string, number>> {
  const bindings = {
    start: new Date(ANCHOR.getTime() - DATA_CONFIG.days * 86_400_000),
    end: ANCHOR,
    days: DATA_CONFIG.days,
    customers: DATA_CONFIG.customers,
    referrals: DATA_CONFIG.referrals,
    prompts: DATA_CONFIG.prompts,
    touches: DATA_CONFIG.touches,
    orders: DATA_CONFIG.orders,
  }
  const seconds: Record<string, number> = {}
  await db.transaction(async (trx) => {
    await trx.raw("SET LOCAL synchronous_commit = off")
    await trx.raw(RND)
    for (const [label, sql] of STEPS) {
      const started = performance.now()
      await trx.raw(sql, bindings)
      seconds[label] = (performance.now() - started) / 1000
      log(`  ${label}: ${seconds[label].toFixed(1)} s`)
    }
  })
  return seconds
}

export async function tableCounts(db: Knex): Promise<Record<string, number>> {
  const tables = ["referral_prompt", "referral_touch", "referral", "referral_reward", "order", "order_summary"]
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const [{ count }] = await db(table).count({ count: "*" })
    counts[table] = Number(count)
  }
  return counts
}
