/**
 * The best split of one node, read off its histogram. Each feature is
 * scanned once over its value bins; at every cut the node's missing rows are
 * tried on the left and on the right, so the tree learns where missing values
 * go. The score is XGBoost's: gain = GL²/(HL+λ) + GR²/(HR+λ) − G²/(H+λ).
 */
import { SLOT_WIDTH } from "./histogram"

export interface SplitConstraints {
  minSamplesLeaf: number
  /** Smallest hessian sum a child may have; keeps leaf values -G/(H+λ) from blowing up on near-pure nodes. */
  minChildWeight: number
  l2: number
}

/** The best split found so far; reused across nodes to avoid allocating. */
export class SplitCandidate {
  gain = 0
  feature = -1
  /** Non-missing rows with bin <= bin go left. */
  bin = 0
  missingLeft = false
  gradLeft = 0
  hessLeft = 0
  countLeft = 0

  reset(): void {
    this.gain = 0
    this.feature = -1
    this.bin = 0
    this.missingLeft = false
    this.gradLeft = 0
    this.hessLeft = 0
    this.countLeft = 0
  }

  copyFrom(other: SplitCandidate): void {
    this.gain = other.gain
    this.feature = other.feature
    this.bin = other.bin
    this.missingLeft = other.missingLeft
    this.gradLeft = other.gradLeft
    this.hessLeft = other.hessLeft
    this.countLeft = other.countLeft
  }
}

/**
 * Writes the best split with positive gain into out (out.feature stays -1
 * when there is none). Ties keep the first found, so results are deterministic.
 */
export function findBestSplit(
  hist: Float64Array,
  offsets: Uint32Array,
  gradSum: number,
  hessSum: number,
  count: number,
  constraints: SplitConstraints,
  out: SplitCandidate
): void {
  out.reset()
  const parentScore = (gradSum * gradSum) / (hessSum + constraints.l2)
  const nFeatures = offsets.length - 1

  for (let f = 0; f < nFeatures; f++) {
    const base = offsets[f] * SLOT_WIDTH
    const valueBins = offsets[f + 1] - offsets[f] - 1
    const gMissing = hist[base]
    const hMissing = hist[base + 1]
    const cMissing = hist[base + 2]
    let gL = 0
    let hL = 0
    let cL = 0
    for (let bin = 1; bin < valueBins; bin++) {
      const slot = base + bin * SLOT_WIDTH
      gL += hist[slot]
      hL += hist[slot + 1]
      cL += hist[slot + 2]
      consider(out, constraints, gradSum, hessSum, count, parentScore, f, bin, false, gL, hL, cL)
      if (cMissing > 0) {
        consider(out, constraints, gradSum, hessSum, count, parentScore, f, bin, true, gL + gMissing, hL + hMissing, cL + cMissing)
      }
    }
    // Missing against everything else: every value goes left.
    if (cMissing > 0 && cMissing < count) {
      const gValues = gradSum - gMissing
      const hValues = hessSum - hMissing
      consider(out, constraints, gradSum, hessSum, count, parentScore, f, valueBins, false, gValues, hValues, count - cMissing)
    }
    // This node saw no missing values of the winning feature: send future ones with the majority.
    if (cMissing === 0 && out.feature === f) {
      out.missingLeft = out.countLeft >= count - out.countLeft
    }
  }
}

/** Scores one candidate split and keeps it in out if it beats the best so far (a plain function: no closure per node). */
function consider(
  out: SplitCandidate,
  constraints: SplitConstraints,
  gradSum: number,
  hessSum: number,
  count: number,
  parentScore: number,
  feature: number,
  bin: number,
  missingLeft: boolean,
  gL: number,
  hL: number,
  cL: number
): void {
  const { minSamplesLeaf, minChildWeight, l2 } = constraints
  const cR = count - cL
  if (cL < minSamplesLeaf || cR < minSamplesLeaf) return
  const hR = hessSum - hL
  if (hL < minChildWeight || hR < minChildWeight) return
  const gR = gradSum - gL
  const gain = (gL * gL) / (hL + l2) + (gR * gR) / (hR + l2) - parentScore
  if (gain > out.gain) {
    out.gain = gain
    out.feature = feature
    out.bin = bin
    out.missingLeft = missingLeft
    out.gradLeft = gL
    out.hessLeft = hL
    out.countLeft = cL
  }
}
