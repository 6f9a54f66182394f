export * from "./queue-compute-run"
export * from "./run-compute-run"
