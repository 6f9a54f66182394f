/**
 * Learned timing's decision at one viral moment, stamped on the moment
 * (`metadata.timing`) so the admin sees it and later decisions learn from it.
 */
export type MomentTiming = {
  /** The kind of moment: `purchase`, `repeat_purchase`, `delivery` or `review`. */
  moment: string
  /** The context timing is learned in: propensity band and first or returning customer. */
  context: string
  decision: "ask_now" | "wait"
  /** The later moment waited for; null when asking now. */
  wait_for: string | null
  /** Too little evidence to weigh waiting: asked now, as fixed weights would, or waited to explore. */
  cold: boolean
  /** Waited only to explore a later moment still short of evidence (a cold context's small share). */
  explored: boolean
  /** The learner's draws per moment considered (after the chance of reaching it). */
  sampled: Record<string, number>
  /** An earlier moment waited for this one: asked whatever this moment's own score. */
  deferred: boolean
}
