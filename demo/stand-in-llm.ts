import { type FakeOpenAI, messageText, startFakeOpenAI } from "../tools/fake-openai-server"

/**
 * This machine reaches no model provider, so unless the environment names a
 * real OpenAI-compatible endpoint (SMART_REFERRALS_LLM_BASE_URL and _API_KEY),
 * the demo answers the plugin's LLM calls with a local stand-in that writes a
 * message from the context the plugin sends. The plugin's real LangChain
 * client, guardrails and fallback run either way.
 */
export async function startStandInLlm(): Promise<FakeOpenAI> {
  return await startFakeOpenAI({
    compose: (body) => {
      const text = messageText(body.messages[body.messages.length - 1])
      const context = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1))
      const favourite = context.referrer_favourites?.recently_ordered?.[0] ?? context.referrer_favourites?.products?.[0]
      const opener = favourite ? `My ${favourite} just arrived and I love it!` : "I think you'd love this shop!"
      return { message: `${opener} Use my code ${context.code} for ${String(context.friend_offer).replace("their", "your")}: ${context.share_url}` }
    },
  })
}
