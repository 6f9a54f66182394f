import type { AxiosInstance } from "axios"

type Headers = { headers: Record<string, string> }

/** The order's payment, as the admin order page shows it. */
export async function orderPayment(api: AxiosInstance, headers: Headers, orderId: string): Promise<{ id: string }> {
  const { data } = await api.get(`/admin/orders/${orderId}?fields=id,*payment_collections.payments`, headers)
  return data.order.payment_collections[0].payments[0]
}

/** The admin captures the order's authorised payment (the system provider only authorises at checkout). Answers the payment's id. */
export async function capturePayment(api: AxiosInstance, headers: Headers, orderId: string): Promise<string> {
  const payment = await orderPayment(api, headers, orderId)
  await api.post(`/admin/payments/${payment.id}/capture`, {}, headers)
  return payment.id
}

/** The admin refunds part or all of a captured payment, as after a return. */
export async function refundPayment(api: AxiosInstance, headers: Headers, paymentId: string, amount: number) {
  await api.post(`/admin/payments/${paymentId}/refund`, { amount }, headers)
}
