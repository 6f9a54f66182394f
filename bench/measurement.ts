/** What the benchmark measures for one model at one training size. */
export interface Measurement {
  trainSeconds: number
  /** µs per single-row call (predictRow; one predict_proba call in Python), over the first predictRowRows test rows. */
  predictRowUs: number
  predictRowRows: number
  /** One batch call over the whole test set, per row. */
  predictBatchUs: number
  /** maxRSS right after fit: the peak of data generation plus training. */
  peakRssMb: number
  /** RSS just before fit, i.e. what the data and runtime already held (JS models only). */
  rssBeforeFitMb?: number
  /** AUC on the test set. */
  auc: number
  /** Facts about the fitted model (trees kept, iterations). */
  info: Record<string, unknown>
}
