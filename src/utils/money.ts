import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

export type Money = { amount: number; currency_code: string }

/** Adds amounts per currency with Medusa's decimal arithmetic; one entry per currency, sorted by code. */
export function sumByCurrency(rows: { amount: BigNumberInput; currency_code: string }[]): Money[] {
  const totals = new Map<string, ReturnType<typeof MathBN.convert>>()
  for (const row of rows) {
    const currency = row.currency_code.toLowerCase()
    totals.set(currency, MathBN.add(totals.get(currency) ?? 0, row.amount))
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, amount]) => ({ amount: amount.toNumber(), currency_code }))
}
