import { createServer, type IncomingHttpHeaders, type ServerResponse } from "http"
import type { AddressInfo } from "net"

/**
 * A local stand-in for an OpenAI-compatible chat completions endpoint, so tests
 * exercise the real @langchain/openai client (request building, structured
 * output parsing, error mapping) without any network.
 *
 * LangChain's `withStructuredOutput(zodSchema)` on a model such as gpt-4o-mini
 * sends `response_format: { type: "json_schema", json_schema: { name, strict, schema } }`
 * and reads the JSON object from `choices[0].message.content`. Older models
 * (gpt-3.5, gpt-4-*) or `method: "functionCalling"` send `tools` + `tool_choice`
 * and read `choices[0].message.tool_calls[0].function.arguments`; both are answered.
 */

/** What the next request gets. */
export type FakeBehavior =
  /** A well-formed structured answer. */
  | { message: string; subject?: string | null }
  /** Raw assistant content, sent as-is (e.g. prose instead of JSON). */
  | { raw: string }
  /** An HTTP error with an OpenAI-style error body unless one is given. */
  | { status: 400 | 401 | 429 | 500 | 503; body?: unknown }
  /** Wait, then behave as `then` (a client that gave up sees nothing). */
  | { delayMs: number; then: FakeBehavior }
  /** Decide from the request, e.g. to quote the code the prompt carries. */
  | { compose: (body: FakeChatRequestBody) => FakeBehavior }

export type FakeChatMessage = { role: string; content: unknown; [key: string]: unknown }

export type FakeChatRequestBody = {
  model?: string
  messages: FakeChatMessage[]
  temperature?: number
  response_format?: { type: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } }
  tools?: { type: string; function?: { name: string; parameters?: unknown } }[]
  tool_choice?: unknown
  [key: string]: unknown
}

export type ParsedRequest = {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: FakeChatRequestBody
  received_at: number
}

export type FakeOpenAI = {
  /** Includes `/v1`, as the OpenAI client's `baseURL` expects. */
  baseURL: string
  requests: ParsedRequest[]
  /** Replace the queue: each request takes the next behavior; the last one repeats. */
  respondWith(behavior: FakeBehavior | FakeBehavior[]): void
  close(): Promise<void>
}

/** The text of a message's content, whether a string or an array of text parts. */
export function messageText(message: FakeChatMessage): string {
  if (typeof message.content === "string") {
    return message.content
  }
  if (Array.isArray(message.content)) {
    return message.content
      .map((part) => (part && typeof part === "object" && "text" in part ? String((part as { text: unknown }).text) : ""))
      .join("")
  }
  return ""
}

const DEFAULT_BEHAVIOR: FakeBehavior = { message: "Hi! Use my code." }

export async function startFakeOpenAI(initial: FakeBehavior | FakeBehavior[] = DEFAULT_BEHAVIOR): Promise<FakeOpenAI> {
  let queue: FakeBehavior[] = Array.isArray(initial) ? [...initial] : [initial]
  const requests: ParsedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  let counter = 0

  const next = (): FakeBehavior => (queue.length > 1 ? queue.shift()! : queue[0] ?? DEFAULT_BEHAVIOR)

  const send = (res: ServerResponse, status: number, payload: unknown) => {
    // The client may have aborted (timeout tests): writing then is harmless but pointless.
    if (res.destroyed || res.writableEnded) {
      return
    }
    const text = JSON.stringify(payload)
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
    res.end(text)
  }

  const answer = (res: ServerResponse, body: FakeChatRequestBody, behavior: FakeBehavior): void => {
    if ("compose" in behavior) {
      return answer(res, body, behavior.compose(body))
    }
    if ("delayMs" in behavior) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        answer(res, body, behavior.then)
      }, behavior.delayMs)
      timers.add(timer)
      return
    }
    if ("status" in behavior) {
      send(
        res,
        behavior.status,
        behavior.body ?? {
          error: {
            message: behavior.status === 429 ? "Rate limit reached (fake)" : "Internal error (fake)",
            type: behavior.status === 429 ? "rate_limit_exceeded" : "server_error",
            param: null,
            code: null,
          },
        }
      )
      return
    }

    counter += 1
    const tool = body.tools?.find((t) => t.type === "function" && t.function)?.function
    const structured =
      "raw" in behavior ? null : JSON.stringify({ message: behavior.message, subject: behavior.subject ?? null })
    const message =
      tool && structured !== null
        ? {
            role: "assistant",
            content: null,
            refusal: null,
            tool_calls: [
              { id: `call_fake_${counter}`, type: "function", function: { name: tool.name, arguments: structured } },
            ],
          }
        : { role: "assistant", content: "raw" in behavior ? behavior.raw : structured, refusal: null }

    send(res, 200, {
      id: `chatcmpl-fake-${counter}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? "fake-model",
      choices: [{ index: 0, message, logprobs: null, finish_reason: message.content === null ? "tool_calls" : "stop" }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    })
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]
      if (req.method !== "POST" || path !== "/v1/chat/completions") {
        send(res, 404, { error: { message: `No fake route for ${req.method} ${path}`, type: "invalid_request_error" } })
        return
      }
      let body: FakeChatRequestBody
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeChatRequestBody
      } catch {
        send(res, 400, { error: { message: "Body is not JSON", type: "invalid_request_error" } })
        return
      }
      requests.push({ method: req.method, path, headers: req.headers, body, received_at: Date.now() })
      answer(res, body, next())
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    respondWith(behavior) {
      queue = Array.isArray(behavior) ? [...behavior] : [behavior]
    },
    close() {
      for (const timer of timers) {
        clearTimeout(timer)
      }
      timers.clear()
      // Keep-alive sockets from the client would otherwise hold close() open.
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())))
    },
  }
}
