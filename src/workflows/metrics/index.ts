export * from "./workflows/compute-loop-metrics"
