export * from "./workflows/create-referral-experiment"
export * from "./workflows/get-experiment-results"
export * from "./workflows/stop-referral-experiment"
