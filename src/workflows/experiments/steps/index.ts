export * from "./compute-experiment-results"
export * from "./create-referral-experiment"
export * from "./stop-referral-experiment"
