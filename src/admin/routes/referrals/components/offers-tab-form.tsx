import { Button, Drawer, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { type FormEvent, type ReactNode, useState } from "react"
import { errorMessage } from "../../../components/query-state"
import {
  type IncentiveArm,
  type IncentiveArmInput,
  useCreateIncentiveArm,
  useUpdateIncentiveArm,
} from "../../../hooks/incentive-arms"

type FormValues = {
  name: string
  referee_type: IncentiveArmInput["referee_type"]
  referee_value: string
  referee_currency_code: string
  /** Amounts in other currencies, typed as `eur 14, gbp 12`. */
  referee_amounts: string
  referrer_type: IncentiveArmInput["referrer_type"]
  referrer_value: string
  referrer_currency_code: string
  referrer_amounts: string
  active: boolean
}

const EMPTY: FormValues = {
  name: "",
  referee_type: "percentage",
  referee_value: "10",
  referee_currency_code: "",
  referee_amounts: "",
  referrer_type: "store_credit",
  referrer_value: "10",
  referrer_currency_code: "",
  referrer_amounts: "",
  active: true,
}

const valuesOf = (arm: IncentiveArm): FormValues => ({
  name: arm.name,
  referee_type: arm.referee_type,
  referee_value: String(arm.referee_value),
  referee_currency_code: arm.referee_currency_code ?? "",
  referee_amounts: amountsText(arm.referee_amounts),
  referrer_type: arm.referrer_type,
  referrer_value: String(arm.referrer_value),
  referrer_currency_code: arm.referrer_currency_code ?? "",
  referrer_amounts: amountsText(arm.referrer_amounts),
  active: arm.active,
})

const amountsText = (amounts: Record<string, number> | null | undefined) =>
  Object.entries(amounts ?? {})
    .map(([currency, amount]) => `${currency} ${amount}`)
    .join(", ")

/** `eur 14, gbp 12` → `{ eur: 14, gbp: 12 }`; a malformed entry goes to the API as is, which names what is wrong. */
const parseAmounts = (text: string): Record<string, number> | null => {
  const entries = text
    .split(",")
    .map((entry) => entry.trim().split(/\s+/))
    .filter((parts) => parts[0])
  return entries.length ? Object.fromEntries(entries.map(([currency, amount]) => [currency.toLowerCase(), Number(amount)])) : null
}

/** The body the API expects; currencies only where they mean something (a null referrer currency = the store's default). */
const toInput = (values: FormValues): IncentiveArmInput => ({
  name: values.name,
  referee_type: values.referee_type,
  referee_value: Number(values.referee_value),
  referee_currency_code: values.referee_type === "fixed" ? values.referee_currency_code.trim() || null : null,
  referee_amounts: values.referee_type === "fixed" ? parseAmounts(values.referee_amounts) : null,
  referrer_type: values.referrer_type,
  referrer_value: Number(values.referrer_value),
  referrer_currency_code: values.referrer_type === "percentage" ? null : values.referrer_currency_code.trim() || null,
  referrer_amounts: values.referrer_type === "percentage" ? null : parseAmounts(values.referrer_amounts),
  active: values.active,
})

/** Only what changed: an offered arm refuses any amount field, even unchanged. */
const changes = (arm: IncentiveArm, input: IncentiveArmInput): Partial<IncentiveArmInput> => {
  const before = toInput(valuesOf(arm))
  return Object.fromEntries(
    (Object.keys(input) as (keyof IncentiveArmInput)[])
      .filter((key) => JSON.stringify(input[key]) !== JSON.stringify(before[key]))
      .map((key) => [key, input[key]])
  )
}

const Field = ({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small" weight="plus" htmlFor={htmlFor}>
      {label}
    </Label>
    {children}
    {hint && (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
  </div>
)

/**
 * Create an offer, or edit one (`arm`). Once an offer has been made to
 * customers its amounts are fixed (its bandit record is about them): the form
 * says so, and the API's message shows if it refuses anyway.
 */
export const OfferFormDrawer = ({
  arm,
  open,
  onOpenChange,
}: {
  arm?: IncentiveArm
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const [values, setValues] = useState<FormValues>(arm ? valuesOf(arm) : EMPTY)
  const [error, setError] = useState<string>()
  const create = useCreateIncentiveArm()
  const update = useUpdateIncentiveArm()
  const saving = create.isPending || update.isPending
  const offered = !!arm && arm.stats.pulls > 0
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    const input = toInput(values)
    try {
      if (arm) {
        const body = changes(arm, input)
        if (Object.keys(body).length) {
          await update.mutateAsync({ id: arm.id, ...body })
        }
        toast.success(`Offer "${input.name}" saved`)
      } else {
        await create.mutateAsync(input)
        toast.success(`Offer "${input.name}" created`)
      }
      onOpenChange(false)
    } catch (e) {
      const message = errorMessage(e) ?? "The offer could not be saved"
      setError(message)
      toast.error(message)
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="arm-form">
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{arm ? `Edit "${arm.name}"` : "New offer"}</Drawer.Title>
            <Drawer.Description className="text-ui-fg-subtle txt-small">
              What the friend gets on their first order, and what the referrer earns once it converts.
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Field label="Name" htmlFor="arm-name">
              <Input id="arm-name" data-testid="arm-field-name" value={values.name} onChange={(e) => set("name", e.target.value)} />
            </Field>
            {offered && (
              <Text size="small" className="text-ui-fg-subtle" data-testid="arm-offered-note">
                This offer has been made {arm.stats.pulls} times, so its amounts are fixed. Create a new offer to try other
                amounts, and deactivate this one.
              </Text>
            )}
            <Field label="Friend gets" htmlFor="arm-referee-value">
              <div className="flex gap-x-2">
                <Select value={values.referee_type} onValueChange={(v) => set("referee_type", v as FormValues["referee_type"])} disabled={offered}>
                  <Select.Trigger data-testid="arm-field-referee_type" className="w-40">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="percentage">% off</Select.Item>
                    <Select.Item value="fixed">Amount off</Select.Item>
                  </Select.Content>
                </Select>
                <Input
                  id="arm-referee-value"
                  type="number"
                  step="any"
                  min={0}
                  data-testid="arm-field-referee_value"
                  value={values.referee_value}
                  disabled={offered}
                  onChange={(e) => set("referee_value", e.target.value)}
                />
              </div>
            </Field>
            {values.referee_type === "fixed" && (
              <Field label="Friend's discount currency" htmlFor="arm-referee-currency" hint="Three letters, e.g. usd">
                <Input
                  id="arm-referee-currency"
                  data-testid="arm-field-referee_currency_code"
                  value={values.referee_currency_code}
                  maxLength={3}
                  disabled={offered}
                  onChange={(e) => set("referee_currency_code", e.target.value)}
                />
              </Field>
            )}
            {values.referee_type === "fixed" && (
              <Field
                label="Friend's discount in other currencies"
                htmlFor="arm-referee-amounts"
                hint="e.g. eur 14, gbp 12; a cart in a currency not listed is refused the code"
              >
                <Input
                  id="arm-referee-amounts"
                  data-testid="arm-field-referee_amounts"
                  value={values.referee_amounts}
                  disabled={offered}
                  onChange={(e) => set("referee_amounts", e.target.value)}
                />
              </Field>
            )}
            <Field label="Referrer earns" htmlFor="arm-referrer-value">
              <div className="flex gap-x-2">
                <Select value={values.referrer_type} onValueChange={(v) => set("referrer_type", v as FormValues["referrer_type"])} disabled={offered}>
                  <Select.Trigger data-testid="arm-field-referrer_type" className="w-40">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="store_credit">Store credit</Select.Item>
                    <Select.Item value="percentage">% off code</Select.Item>
                    <Select.Item value="fixed">Amount off code</Select.Item>
                  </Select.Content>
                </Select>
                <Input
                  id="arm-referrer-value"
                  type="number"
                  step="any"
                  min={0}
                  data-testid="arm-field-referrer_value"
                  value={values.referrer_value}
                  disabled={offered}
                  onChange={(e) => set("referrer_value", e.target.value)}
                />
              </div>
            </Field>
            {values.referrer_type !== "percentage" && (
              <Field
                label="Referrer's reward currency"
                htmlFor="arm-referrer-currency"
                hint="Three letters; leave empty for your store's default currency"
              >
                <Input
                  id="arm-referrer-currency"
                  data-testid="arm-field-referrer_currency_code"
                  value={values.referrer_currency_code}
                  maxLength={3}
                  disabled={offered}
                  onChange={(e) => set("referrer_currency_code", e.target.value)}
                />
              </Field>
            )}
            {values.referrer_type !== "percentage" && (
              <Field
                label="Referrer's reward in other currencies"
                htmlFor="arm-referrer-amounts"
                hint="e.g. eur 9, gbp 8; a referrer who shops in a currency not listed waits for your review"
              >
                <Input
                  id="arm-referrer-amounts"
                  data-testid="arm-field-referrer_amounts"
                  value={values.referrer_amounts}
                  disabled={offered}
                  onChange={(e) => set("referrer_amounts", e.target.value)}
                />
              </Field>
            )}
            <div className="flex items-center gap-x-2">
              <Switch id="arm-active" data-testid="arm-field-active" checked={values.active} onCheckedChange={(v) => set("active", v)} />
              <Label size="small" htmlFor="arm-active">
                Active: the bandit may offer it
              </Label>
            </div>
            {error && (
              <Text size="small" className="text-ui-fg-error" data-testid="arm-form-error" role="alert">
                {error}
              </Text>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button variant="secondary" size="small" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={saving} data-testid="arm-submit">
              {arm ? "Save" : "Create"}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
