export * from "./create-referral-experiment"
export * from "./get-experiment-results"
export * from "./stop-referral-experiment"
