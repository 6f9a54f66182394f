import { ChatOpenAI } from "@langchain/openai"
import { z } from "@medusajs/framework/zod"
import { checkMessage, checkSubject } from "./guardrails"
import type { ResolvedLlmOptions } from "./llm-options"
import type { MessageContext } from "./message-context"
import { buildShareMessagePrompt, PROMPT_VERSION, type PromptCorrection } from "./prompt-template"
import { templateMessage, templateSubject } from "./templates"

export type GeneratedMessage = {
  message: string
  subject: string | null
  source: "llm" | "template"
  /** "llm_disabled", "timeout", "llm_error:<status or kind>" or "guardrail:<reason>"; null for an LLM message. */
  fallback_reason: string | null
  /** Model calls made: 0 when disabled, 2 after one regeneration. */
  attempts: number
  latency_ms: number
  prompt_version: string
}

/**
 * What the model must answer. `subject` is required-but-nullable in the JSON
 * schema because OpenAI's strict structured outputs reject optional fields;
 * the default still accepts servers that leave it out.
 */
export const SHARE_MESSAGE_SCHEMA = z.object({
  message: z.string().describe("The complete message, including the referral code and the share link."),
  subject: z.string().nullable().default(null).describe("The email subject line; null for other channels."),
})

/** One first answer, and one regeneration after a guardrail rejection. */
export const MAX_ATTEMPTS = 2

class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`Share message generation exceeded ${ms} ms`)
    this.name = "DeadlineExceeded"
  }
}

function createModel(options: ResolvedLlmOptions, apiKey: string, baseURL: string) {
  return new ChatOpenAI({
    model: options.model,
    apiKey,
    temperature: options.temperature,
    configuration: { baseURL },
    timeout: options.timeoutMs,
    // A retry would blow the latency budget; the template is the retry.
    maxRetries: 0,
  }).withStructuredOutput(SHARE_MESSAGE_SCHEMA, { name: "share_message" })
}

/** A short, log-friendly kind for an error from the OpenAI client or LangChain's parsing. */
export function errorReason(error: unknown): string {
  if (error instanceof DeadlineExceeded) {
    return "timeout"
  }
  const err = (error ?? {}) as { status?: unknown; name?: unknown; constructor?: { name?: unknown } }
  if (typeof err.status === "number") {
    return `llm_error:${err.status}`
  }
  const names = [err.constructor?.name, err.name].filter((n): n is string => typeof n === "string").join(" ")
  if (/Timeout/i.test(names)) {
    return "timeout"
  }
  if (/APIConnectionError|FetchError|ECONN/i.test(names)) {
    return "llm_error:network"
  }
  if (/SyntaxError|ZodError|OutputParser|ValidationError/i.test(names)) {
    return "llm_error:parse"
  }
  if (/LengthFinishReason|ContentFilterFinishReason/i.test(names)) {
    return "llm_error:incomplete"
  }
  return "llm_error:unknown"
}

/**
 * A personalised share message from the model, checked by the guardrails,
 * or a template when the model is off, slow, failing or off-message. The
 * whole call, regeneration included, fits in `options.timeoutMs`. Never throws.
 */
export async function generateShareMessage(
  context: MessageContext,
  options: ResolvedLlmOptions,
  seed: string
): Promise<GeneratedMessage> {
  const started = performance.now()
  const done = (
    source: GeneratedMessage["source"],
    message: string,
    subject: string | null,
    fallback_reason: string | null,
    attempts: number
  ): GeneratedMessage => ({
    message,
    subject,
    source,
    fallback_reason,
    attempts,
    latency_ms: Math.round(performance.now() - started),
    prompt_version: PROMPT_VERSION,
  })

  const fallback = (reason: string, attempts: number): GeneratedMessage => {
    try {
      return done("template", templateMessage(context, seed), templateSubject(context, seed), reason, attempts)
    } catch {
      // Only a malformed context (say, an invalid currency code) gets here; the code and link still work.
      return done("template", `Use my code ${context.code}: ${context.share_url}`, null, reason, attempts)
    }
  }

  const subjectFor = (proposed: string | null | undefined): string | null => {
    if (context.channel !== "email") {
      return null
    }
    const subject = proposed?.trim() ?? ""
    // A bad subject alone is not worth a regeneration: the template's is always safe.
    return subject && checkSubject(subject, context).ok ? subject : templateSubject(context, seed)
  }

  if (!options.enabled || !options.apiKey || !options.baseURL) {
    return fallback("llm_disabled", 0)
  }

  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new DeadlineExceeded(options.timeoutMs))
    }, options.timeoutMs)
  })
  // The deadline may fire while no race is listening (between attempts).
  deadline.catch(() => undefined)

  let attempts = 0
  try {
    const model = createModel(options, options.apiKey, options.baseURL)
    let correction: PromptCorrection | null = null
    while (attempts < MAX_ATTEMPTS) {
      const messages = await buildShareMessagePrompt(context, correction)
      attempts += 1
      const answer = await Promise.race([model.invoke(messages, { signal: controller.signal }), deadline])
      const message = answer.message.trim()
      const verdict = checkMessage(message, context)
      if (verdict.ok) {
        return done("llm", message, subjectFor(answer.subject), null, attempts)
      }
      if (attempts >= MAX_ATTEMPTS) {
        return fallback(`guardrail:${verdict.reason}`, attempts)
      }
      correction = { previous: { message: answer.message, subject: answer.subject ?? null }, reason: verdict.reason }
    }
    return fallback("llm_error:unknown", attempts)
  } catch (error) {
    // After our own abort, LangChain reports a generic "Aborted" error: the cause is the deadline.
    return fallback(controller.signal.aborted ? "timeout" : errorReason(error), attempts)
  } finally {
    clearTimeout(timer)
  }
}
