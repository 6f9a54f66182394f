export * from "./claim-compute-run"
export * from "./create-compute-run"
export * from "./finish-compute-run"
