/**
 * The referral loop, side by side: the static "give 10, get 10" offer, propensity
 * gating alone, and the full loop (moments + propensity + bandit), over the same
 * simulated population and orders. Also times chooseArm on its own.
 *
 *   npx ts-node --transpile-only bench/loop.ts [customers] [weeks] [seed] [cycle customers] [cycle weeks]
 *
 * Then the "moments" scenario family (tools/simulate/cycle-sim.ts): segments
 * with their own offer sensitivities and best moments, delayed outcomes,
 * returns and fraud; every static offer × moment, propensity gating and the
 * full loop (timing learner, bandit, value gate), with the issue's targets
 * printed as PASS/FAIL from the same run.
 *
 * Writes bench/results/loop-<ISO timestamp>.json and bench/results/loop-latest.json.
 * The ground truth and its assumptions are documented in tools/simulate/scenario.ts.
 */
import { mkdirSync, writeFileSync } from "fs"
import { join } from "path"
import { allContexts, contextKey } from "../src/ml/bandit/context"
import { chooseArm, THOMPSON_DEFAULTS } from "../src/ml/bandit/thompson"
import { mulberry32 } from "../src/ml/random"
import { BanditMemory } from "../tools/simulate/bandit-memory"
import { compareLoopPolicies, type LoopReport } from "../tools/simulate/loop-sim"
import { DEFAULT_ARMS } from "../tools/simulate/offers"
import { runCycleSimulation, FULL_LOOP_DEFAULTS, type CyclePolicyReport, type CycleSimulationResult } from "../tools/simulate/cycle-sim"
import { CYCLE_SCENARIO_DEFAULTS, CYCLE_SCENARIO_HETEROGENEOUS, LOOP_SCENARIO_DEFAULTS, type LoopScenario } from "../tools/simulate/scenario"

const customers = Number(process.argv[2] ?? 20_000)
const weeks = Number(process.argv[3] ?? 12)
const seed = Number(process.argv[4] ?? 1)
// The moments family: a year of arrivals, since outcomes settle 30–60 days after an ask.
const cycleCustomers = Number(process.argv[5] ?? 100_000)
const cycleWeeks = Number(process.argv[6] ?? 52)

function pct(x: number, digits = 2): string {
  return `${(100 * x).toFixed(digits)}%`
}

function table(reports: LoopReport[]): string {
  const header = ["policy", "prompts", "referral rate", "conversion", "K", "cost/acquired", "net value", "decisions/s"]
  const rows = reports.map((r) => [
    r.policy,
    String(r.prompts),
    pct(r.referral_rate),
    pct(r.conversion),
    r.k_factor.toFixed(4),
    r.incentive_cost_per_acquired === null ? "-" : r.incentive_cost_per_acquired.toFixed(2),
    r.net_value.toFixed(0),
    Math.round(r.decisions_per_second).toLocaleString("en-US"),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n")
}

function cycleTable(reports: CyclePolicyReport[], bestStatic: CyclePolicyReport): string {
  const header = ["policy", "prompts", "conversions", "fraud", "returned", "incentives", "net value", "net/customer"]
  const sorted = [...reports].sort((a, b) => b.net_value_per_customer - a.net_value_per_customer)
  const rows = sorted.map((r) => [
    r === bestStatic ? `${r.policy} (best static)` : r.policy,
    String(r.prompts),
    String(r.conversions),
    String(r.fraudulent),
    String(r.returned),
    r.incentives.toFixed(0),
    r.net_value.toFixed(0),
    r.net_value_per_customer.toFixed(3),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n")
}

/** The issue's targets, from one run: ratios of net value per customer, and regret's second half against its first. */
function cycleTargets(result: CycleSimulationResult) {
  const statics = result.reports.filter((r) => r.kind === "static")
  const bestStatic = statics.reduce((a, b) => (b.net_value_per_customer > a.net_value_per_customer ? b : a))
  const baseline = statics.find((r) => r.arm_id === "give10_get10" && r.moment === "order_placed") as CyclePolicyReport
  const full = result.reports.find((r) => r.kind === "full_loop") as CyclePolicyReport
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN)
  const vsBest = ratio(full.net_value_per_customer, bestStatic.net_value_per_customer)
  const vsBaseline = ratio(full.net_value_per_customer, baseline.net_value_per_customer)
  const regret = ratio(result.full_loop.regret_second_half, result.full_loop.regret_first_half)
  const f = (x: number) => x.toFixed(3)
  const lines = [
    {
      name: "full_loop_vs_best_static",
      ratio: vsBest,
      target: 1.3,
      pass: vsBest >= 1.3,
      text: `full loop / best static (${bestStatic.policy}): ${f(full.net_value_per_customer)} / ${f(bestStatic.net_value_per_customer)} = ${vsBest.toFixed(2)}× (target ≥ 1.30×)`,
    },
    {
      name: "full_loop_vs_give10_get10_after_purchase",
      ratio: vsBaseline,
      target: 2,
      pass: vsBaseline >= 2,
      text: `full loop / give10_get10 @ order_placed: ${f(full.net_value_per_customer)} / ${f(baseline.net_value_per_customer)} = ${vsBaseline.toFixed(2)}× (target ≥ 2.00×)`,
    },
    {
      name: "regret_second_half_vs_first_half",
      ratio: regret,
      target: 1,
      pass: regret < 1,
      text: `regret per customer vs the context oracle, second half / first half: ${f(result.full_loop.regret_second_half)} / ${f(result.full_loop.regret_first_half)} = ${regret.toFixed(2)} (sublinear: < 1)`,
    },
  ]
  return { bestStatic, lines }
}

/** chooseArm alone, cycling through the 48 contexts with counts like a store a few months in. */
function timeChooseArm(calls: number, resamples: number): number {
  const rand = mulberry32(seed)
  const memory = new BanditMemory()
  const keys = allContexts().map(contextKey)
  for (const key of keys) {
    for (const arm of DEFAULT_ARMS) {
      const n = 200 + Math.floor(rand() * 800)
      for (let i = 0; i < n; i++) memory.record(key, arm.arm_id, rand() < 0.03)
    }
  }
  const armIds = DEFAULT_ARMS.map((a) => a.arm_id)
  const stats = keys.map((key) => memory.stats(key, armIds))
  const started = performance.now()
  for (let i = 0; i < calls; i++) {
    chooseArm({ arms: DEFAULT_ARMS, stats: stats[i % stats.length], expectedMargin: 28, rand, options: { resamples } })
  }
  return (calls * 1000) / (performance.now() - started)
}

function run(scenario: Partial<LoopScenario>): { reports: LoopReport[]; seconds: number } {
  const started = performance.now()
  const reports = compareLoopPolicies({ seed, customers, weeks, scenario })
  return { reports, seconds: (performance.now() - started) / 1000 }
}

const started = performance.now()
console.log(`Referral loop simulation: ${customers.toLocaleString("en-US")} customers, ${weeks} weeks, seed ${seed}, ${DEFAULT_ARMS.length} offers`)
console.log(`(ground truth: tools/simulate/scenario.ts; net value = referred revenue × ${LOOP_SCENARIO_DEFAULTS.margin} margin − incentives)\n`)

const main = run({})
console.log(table(main.reports))
const full = main.reports.find((r) => r.policy === "full_loop") as LoopReport
console.log(`\nfull loop offers: ${Object.entries(full.arm_share).map(([id, share]) => `${id} ${pct(share, 1)}`).join(", ")}`)
console.log(`full loop not asked: ${Object.entries(full.not_prompted).map(([reason, n]) => `${reason} ${n}`).join(", ")}`)

// Sensitivity: the default has static and gating ask at checkout, before delivery.
const atDelivery = run({ staticAskAt: "delivery" })
console.log(`\nIf static and gating also asked after delivery (staticAskAt: "delivery"):\n`)
console.log(table(atDelivery.reports))

// The moments family (tools/simulate/cycle-sim.ts): segments, moments, delays, returns, fraud.
const cycleStarted = performance.now()
const cycle = runCycleSimulation({ seed, customers: cycleCustomers, weeks: cycleWeeks })
const cycleSeconds = (performance.now() - cycleStarted) / 1000
const targets = cycleTargets(cycle)
console.log(
  `\nMoments family: ${cycleCustomers.toLocaleString("en-US")} customers arriving over ${cycleWeeks} weeks, seed ${seed}, ` +
    `one ask per purchase cycle (ground truth: CYCLE_SCENARIO_DEFAULTS in tools/simulate/scenario.ts)\n`
)
console.log(cycleTable(cycle.reports, targets.bestStatic))
const fl = cycle.full_loop
console.log(`\nfull loop asks at: ${Object.entries(fl.moment_share).map(([m, x]) => `${m} ${pct(x, 1)}`).join(", ")}`)
console.log(`full loop offers: ${Object.entries(fl.arm_share).map(([id, x]) => `${id} ${pct(x, 1)}`).join(", ")}`)
console.log(`full loop waited ${fl.waits + fl.exploration_waits} times (${fl.exploration_waits} of them to explore a later moment without evidence), gated ${fl.gated} asks`)
console.log(
  `expected net value per customer: individual oracle ${fl.oracle_per_customer.toFixed(3)}, context oracle ${fl.context_oracle_per_customer.toFixed(3)}; ` +
    `regret per customer by quarter vs context oracle ${fl.regret_by_quarter.map((x) => x.toFixed(3)).join(" → ")}, ` +
    `vs individual oracle ${fl.individual_regret_by_quarter.map((x) => x.toFixed(3)).join(" → ")}`
)
console.log(`\nTargets (net value per customer, this run):`)
for (const t of targets.lines) console.log(`  ${t.pass ? "PASS" : "FAIL"}  ${t.text}`)
console.log(
  `  (headroom: individual oracle / best static ${(fl.oracle_per_customer / targets.bestStatic.net_value_per_customer).toFixed(2)}×, ` +
    `context oracle / best static ${(fl.context_oracle_per_customer / targets.bestStatic.net_value_per_customer).toFixed(2)}×)`
)

// Longer horizon: the same store over three years, since rare rewards make exploration slow to pay back.
const longStarted = performance.now()
const long = runCycleSimulation({ seed, customers: 3 * cycleCustomers, weeks: 3 * cycleWeeks })
const longSeconds = (performance.now() - longStarted) / 1000
const longTargets = cycleTargets(long)
console.log(`\nSensitivity: three times the horizon (${(3 * cycleCustomers).toLocaleString("en-US")} customers over ${3 * cycleWeeks} weeks), same world:`)
for (const t of longTargets.lines) console.log(`  ${t.pass ? "PASS" : "FAIL"}  ${t.text}`)
console.log(`  regret per customer by quarter vs context oracle ${long.full_loop.regret_by_quarter.map((x) => x.toFixed(3)).join(" → ")}`)

// Segments far further apart (CYCLE_SCENARIO_HETEROGENEOUS): is the gap to the best static policy a lack of headroom or of learning?
const wideStarted = performance.now()
const wide = runCycleSimulation({ seed, customers: cycleCustomers, weeks: cycleWeeks, scenario: CYCLE_SCENARIO_HETEROGENEOUS })
const wideSeconds = (performance.now() - wideStarted) / 1000
const wideTargets = cycleTargets(wide)
const wideBest = wideTargets.bestStatic.net_value_per_customer
console.log(`\nSensitivity: segments far further apart (CYCLE_SCENARIO_HETEROGENEOUS), ${cycleCustomers.toLocaleString("en-US")} customers over ${cycleWeeks} weeks:`)
for (const t of wideTargets.lines) console.log(`  ${t.pass ? "PASS" : "FAIL"}  ${t.text}`)
console.log(
  `  (headroom: individual oracle / best static ${(wide.full_loop.oracle_per_customer / wideBest).toFixed(2)}×, ` +
    `context oracle / best static ${(wide.full_loop.context_oracle_per_customer / wideBest).toFixed(2)}×)`
)

const chooseArmCalls = 20_000
const chooseArmPerSecond = timeChooseArm(chooseArmCalls, THOMPSON_DEFAULTS.resamples)
const chooseArmChoiceOnly = timeChooseArm(chooseArmCalls, 1)
console.log(
  `\nchooseArm, ${DEFAULT_ARMS.length} arms: ${Math.round(chooseArmPerSecond).toLocaleString("en-US")} decisions/s ` +
    `with the logged probability (${THOMPSON_DEFAULTS.resamples} resamples), ` +
    `${Math.round(chooseArmChoiceOnly).toLocaleString("en-US")}/s with 1 resample`
)
const totalSeconds = (performance.now() - started) / 1000
console.log(`total ${totalSeconds.toFixed(1)} s`)

const now = new Date()
const result = {
  generated_at: now.toISOString(),
  node: process.version,
  config: { customers, weeks, seed, arms: DEFAULT_ARMS, scenario: LOOP_SCENARIO_DEFAULTS },
  policies: main.reports,
  sensitivity_static_asks_after_delivery: atDelivery.reports,
  choose_arm: {
    arms: DEFAULT_ARMS.length,
    calls: chooseArmCalls,
    decisions_per_second: chooseArmPerSecond,
    resamples: THOMPSON_DEFAULTS.resamples,
    decisions_per_second_one_resample: chooseArmChoiceOnly,
  },
  moments_family: {
    config: { customers: cycleCustomers, weeks: cycleWeeks, seed, scenario: CYCLE_SCENARIO_DEFAULTS, full_loop: FULL_LOOP_DEFAULTS },
    policies: cycle.reports,
    full_loop: cycle.full_loop,
    targets: targets.lines,
    seconds: cycleSeconds,
    sensitivity_three_times_horizon: {
      customers: 3 * cycleCustomers,
      weeks: 3 * cycleWeeks,
      policies: long.reports,
      full_loop: long.full_loop,
      targets: longTargets.lines,
      seconds: longSeconds,
    },
    sensitivity_heterogeneous_segments: {
      scenario: CYCLE_SCENARIO_HETEROGENEOUS,
      policies: wide.reports,
      full_loop: wide.full_loop,
      targets: wideTargets.lines,
      seconds: wideSeconds,
    },
  },
  seconds: { main: main.seconds, sensitivity: atDelivery.seconds, moments_family: cycleSeconds + longSeconds + wideSeconds, total: totalSeconds },
}
const dir = join(__dirname, "results")
mkdirSync(dir, { recursive: true })
const json = JSON.stringify(result, null, 2)
// Same stamp as the other benches: 2026-01-31T12-00-00Z.
const stamped = join(dir, `loop-${now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-")}.json`)
writeFileSync(stamped, json)
writeFileSync(join(dir, "loop-latest.json"), json)
console.log(`wrote ${stamped} and bench/results/loop-latest.json`)
