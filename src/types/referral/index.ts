export * from "./constants"
export * from "./module"
export * from "./service"
