import { mulberry32 } from "../../../src/ml/random"
import { generateCycleCustomers, type CycleCustomer } from "../cycle-population"
import { runCycleSimulation, type CycleSimulationResult } from "../cycle-sim"
import { askOutcome, expectedAskValueAt, reachProbability } from "../cycle-truth"
import { DelayedMemory } from "../delayed-memory"
import { DEFAULT_ARMS, STATIC_ARM_ID } from "../offers"
import { CYCLE_MOMENTS, cycleAsLoopScenario, resolveCycleScenario, type CycleMoment, type SegmentName } from "../scenario"

describe("DelayedMemory", () => {
  it("counts an open prompt as a failure growing with its age, and nothing once it converted, until it settles", () => {
    const memory = new DelayedMemory(30)
    memory.openPrompt("a", 10)
    expect(memory.counts("a", 10)).toEqual({ successes: 0, failures: 0 })
    expect(memory.counts("a", 25).failures).toBeCloseTo(0.5, 12)
    memory.closePrompt("a", 10)
    expect(memory.counts("a", 25)).toEqual({ successes: 0, failures: 0 })
    memory.settle("a", 0.75)
    expect(memory.counts("a", 99)).toEqual({ successes: 0.75, failures: 0.25 })
    expect(() => memory.closePrompt("b", 1)).toThrow()
  })
})

describe("the moments family's ground truth", () => {
  const s = resolveCycleScenario(undefined, "test")
  const ls = cycleAsLoopScenario(s)
  const customers = generateCycleCustomers(20_000, 364, s, mulberry32(5))
  const give5 = DEFAULT_ARMS.find((a) => a.arm_id === "give5_get5")!
  const meanValue = (segment: SegmentName, m: CycleMoment, honest = true) => {
    const group = customers.filter((c) => c.segment === segment && (!honest || !c.fraudster))
    return group.reduce((t, c) => t + reachProbability(c, m, s) * expectedAskValueAt(c, m, give5, s, ls), 0) / group.length
  }

  it("gives segments different best moments, counting the chance of reaching them", () => {
    expect(meanValue("considered", "delivered")).toBeGreaterThan(1.5 * meanValue("considered", "order_placed"))
    expect(meanValue("deal_seeker", "order_placed")).toBeGreaterThan(meanValue("deal_seeker", "delivered"))
  })

  it("makes every ask of a fraudster lose money, and its realised outcome agree with the expectation", () => {
    const fraudsters = customers.filter((c) => c.fraudster)
    expect(fraudsters.length).toBeGreaterThan(0)
    for (const c of fraudsters) for (const arm of DEFAULT_ARMS) expect(expectedAskValueAt(c, "order_placed", arm, s, ls)).toBeLessThan(0)
    const realised = (group: CycleCustomer[]) => group.reduce((t, c) => t + askOutcome(c, "order_placed", give5, s, ls).value, 0) / group.length
    const expected = (group: CycleCustomer[]) => group.reduce((t, c) => t + expectedAskValueAt(c, "order_placed", give5, s, ls), 0) / group.length
    const honest = customers.filter((c) => !c.fraudster)
    expect(realised(honest)).toBeCloseTo(expected(honest), 1)
    expect(realised(fraudsters)).toBeLessThan(0)
  })

  it("reaches later moments as often as the segment says, reviews only after delivery", () => {
    const deal = customers.filter((c) => c.segment === "deal_seeker")
    const share = (m: CycleMoment) => deal.filter((c) => c.moment_day[m] >= 0).length / deal.length
    expect(share("delivered")).toBeCloseTo(s.segments.deal_seeker.reach.delivered, 1)
    expect(share("review")).toBeCloseTo(s.segments.deal_seeker.reach.review, 1)
    expect(customers.every((c) => c.moment_day.review < 0 || c.moment_day.review > c.moment_day.delivered)).toBe(true)
  })

  it("refuses a scenario whose segments do not add up", () => {
    const segments = { ...s.segments, casual: { ...s.segments.casual, share: 0.5 } }
    expect(() => resolveCycleScenario({ segments }, "test")).toThrow(RangeError)
  })
})

describe("runCycleSimulation", () => {
  let result: CycleSimulationResult
  beforeAll(() => {
    result = runCycleSimulation({ seed: 1, customers: 30_000, weeks: 52 })
  })
  const perCustomer = (policy: string) => result.reports.find((r) => r.policy === policy)!.net_value_per_customer

  it("runs every static offer × moment, gating and the full loop over the same customers", () => {
    expect(result.reports.filter((r) => r.kind === "static")).toHaveLength(DEFAULT_ARMS.length * CYCLE_MOMENTS.length)
    // Statics at the same moment ask the same customers.
    const atDelivery = result.reports.filter((r) => r.kind === "static" && r.moment === "delivered").map((r) => r.prompts)
    expect(new Set(atDelivery).size).toBe(1)
    expect(runCycleSimulation({ seed: 1, customers: 2000, weeks: 8 })).toEqual(runCycleSimulation({ seed: 1, customers: 2000, weeks: 8 }))
  })

  it("learns: the full loop beats the static offer after purchase, and its regret shrinks", () => {
    expect(perCustomer("full loop")).toBeGreaterThan(1.5 * perCustomer(`static ${STATIC_ARM_ID} @ order_placed`))
    expect(result.full_loop.regret_second_half).toBeLessThan(result.full_loop.regret_first_half)
    // Never better than the oracle who knows each customer's truth.
    expect(perCustomer("full loop")).toBeLessThan(result.full_loop.oracle_per_customer)
  })

  it("moves asks to delivery, which most segments' customers are likelier to share after", () => {
    const share = result.full_loop.moment_share
    expect(share.delivered).toBeGreaterThan(share.order_placed)
  })
})
