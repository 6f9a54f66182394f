import type { SeededStore } from "./seed-store"

/** Headers of the seeded admin user, for `/admin` requests. */
export function adminHeaders(store: SeededStore) {
  return { headers: { authorization: `Bearer ${store.admin_token}` } }
}

/** Awaits a request that must be refused; answers its status and Medusa's error message. */
export async function refusal(request: Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await request.then(
    () => {
      throw new Error("expected the request to be refused")
    },
    (e) => e
  )
  return { status: error.response?.status, message: error.response?.data?.message }
}
