/**
 * What a learner knows when outcomes arrive late, as the plugin counts them:
 * settled weights per key, plus each open prompt as a censored failure of
 * weight age / window (censoredFailureWeight), so an option asked yesterday
 * does not look like one that never fails. A converted prompt waiting out its
 * reward hold counts nothing until it settles.
 */
import type { ArmCounts } from "../../src/ml/bandit/posterior"

type Open = { count: number; sumDay: number }

export class DelayedMemory {
  private readonly settled = new Map<string, ArmCounts>()
  private readonly open = new Map<string, Open>()

  constructor(private readonly windowDays: number) {}

  /** A prompt under `key` was made on `day` and is now open. */
  openPrompt(key: string, day: number): void {
    const o = this.open.get(key) ?? { count: 0, sumDay: 0 }
    o.count++
    o.sumDay += day
    this.open.set(key, o)
  }

  /** The prompt made on `day` is no longer open (it converted, or its window ended). */
  closePrompt(key: string, day: number): void {
    const o = this.open.get(key)
    if (!o || o.count === 0) throw new Error(`DelayedMemory: no open prompt under ${key}`)
    o.count--
    o.sumDay -= day
  }

  /** Its value is final: `weight` of success in [0, 1], the rest failure. */
  settle(key: string, weight: number): void {
    const c = this.settled.get(key) ?? { successes: 0, failures: 0 }
    c.successes += weight
    c.failures += 1 - weight
    this.settled.set(key, c)
  }

  /** Settled counts plus the censored failures of open prompts, as of `today`. Open prompts are younger than the window, so no clamp is needed. */
  counts(key: string, today: number): ArmCounts {
    const c = this.settled.get(key) ?? { successes: 0, failures: 0 }
    const o = this.open.get(key)
    const censored = o && o.count > 0 ? Math.max(0, (o.count * today - o.sumDay) / this.windowDays) : 0
    return { successes: c.successes, failures: c.failures + censored }
  }
}
