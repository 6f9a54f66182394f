export * from "./constants"
export * from "./module"
