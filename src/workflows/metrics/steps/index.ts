export * from "./compute-loop-metrics"
