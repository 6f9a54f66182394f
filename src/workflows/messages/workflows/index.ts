export * from "./write-or-reuse-share-message"
export * from "./write-prompt-message"
