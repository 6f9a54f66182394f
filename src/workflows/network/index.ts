export * from "./workflows/compute-referral-network"
