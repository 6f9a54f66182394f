/**
 * In-memory success/failure counts per context and arm, in the shape
 * chooseArm wants. The plugin keeps the same counts in its database.
 */
import type { ArmStats } from "../../src/ml/bandit/thompson"
import type { ArmCounts } from "../../src/ml/bandit/posterior"

export class BanditMemory {
  private readonly byContext = new Map<string, Map<string, ArmCounts>>()
  private readonly global = new Map<string, ArmCounts>()

  /** Stats for every arm id given, in the context with this key; zero counts for arms never tried. The counts are live: read, don't write. */
  stats(contextKey: string, armIds: readonly string[]): ArmStats[] {
    const context = this.byContext.get(contextKey)
    return armIds.map((arm_id) => ({
      arm_id,
      context: context?.get(arm_id) ?? { successes: 0, failures: 0 },
      global: this.global.get(arm_id) ?? { successes: 0, failures: 0 },
    }))
  }

  record(contextKey: string, armId: string, success: boolean): void {
    let context = this.byContext.get(contextKey)
    if (!context) {
      context = new Map()
      this.byContext.set(contextKey, context)
    }
    for (const table of [context, this.global]) {
      let counts = table.get(armId)
      if (!counts) {
        counts = { successes: 0, failures: 0 }
        table.set(armId, counts)
      }
      if (success) counts.successes++
      else counts.failures++
    }
  }
}
