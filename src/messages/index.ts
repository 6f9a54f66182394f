export { SHARE_CHANNELS, CHANNEL_BUDGETS, SUBJECT_MAX_CHARS, isShareChannel, charCount } from "./channels"
export type { ShareChannel } from "./channels"
export {
  describeOffer,
  describeOfferPhrase,
  offerAmountForms,
  allowedAmountForms,
  offerCurrencies,
  clipText,
} from "./message-context"
export type { MessageContext, RecipientHint } from "./message-context"
export { checkMessage, checkSubject, PROMPT_NAME_MAX_CHARS } from "./guardrails"
export type { GuardrailReason, GuardrailResult } from "./guardrails"
export {
  PROMPT_VERSION,
  SHARE_MESSAGE_PROMPT,
  INTEREST_MAX_CHARS,
  FAVOURITES_MAX,
  buildShareMessagePrompt,
  promptContext,
  correctionFeedback,
} from "./prompt-template"
export type { PromptCorrection } from "./prompt-template"
export { TEMPLATES, SUBJECTS, templateFacts, renderTemplate, templateMessage, templateSubject } from "./templates"
export type { TemplateFacts, Phrasing } from "./templates"
export { LLM_DEFAULTS, resolveLlmOptions } from "./llm-options"
export type { LlmOptions, ResolvedLlmOptions } from "./llm-options"
export { generateShareMessage, errorReason, SHARE_MESSAGE_SCHEMA, MAX_ATTEMPTS } from "./generate-share-message"
export type { GeneratedMessage } from "./generate-share-message"
