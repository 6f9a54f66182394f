export * from "./compute-referral-network"
