/**
 * Ranking and calibration metrics for binary labels (0 or 1).
 */

function checkPair(labels: ArrayLike<number>, values: ArrayLike<number>, what: string): void {
  if (labels.length !== values.length) {
    throw new RangeError(`labels (${labels.length}) and ${what} (${values.length}) differ in length`)
  }
}

/**
 * Area under the ROC curve from the Mann–Whitney U statistic: sort once, give
 * tied scores their average rank. O(n log n). NaN when only one class is present,
 * since the curve is then undefined.
 */
export function auc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  checkPair(labels, scores, "scores")
  const n = labels.length
  const order = new Uint32Array(n)
  let positives = 0
  for (let i = 0; i < n; i++) {
    const label = labels[i]
    if (label !== 0 && label !== 1) throw new RangeError(`label ${i} is ${label}, expected 0 or 1`)
    if (Number.isNaN(scores[i])) throw new RangeError(`score ${i} is NaN`)
    positives += label
    order[i] = i
  }
  const negatives = n - positives
  if (positives === 0 || negatives === 0) return NaN

  order.sort((a, b) => scores[a] - scores[b])
  // Sum of the positives' 1-based ranks, a run of ties sharing its mean rank.
  let rankSum = 0
  let i = 0
  while (i < n) {
    let j = i + 1
    while (j < n && scores[order[j]] === scores[order[i]]) j++
    const meanRank = (i + 1 + j) / 2
    for (let k = i; k < j; k++) if (labels[order[k]] === 1) rankSum += meanRank
    i = j
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** Mean binary cross-entropy; probabilities are clipped so a confident miss costs a finite amount. */
export function logLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>, eps = 1e-15): number {
  checkPair(labels, probabilities, "probabilities")
  const n = labels.length
  if (n === 0) return NaN
  let total = 0
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]))
    total -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p)
  }
  return total / n
}
