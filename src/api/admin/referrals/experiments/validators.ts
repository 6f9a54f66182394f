import { z } from "@medusajs/framework/zod"
import { EXPERIMENT_DIMENSIONS } from "../../../../types"

const POLICY_KINDS = ["bandit", "fixed_arm", "holdout"] as const
const MESSAGE_KINDS = ["llm", "template"] as const

export const AdminCreateExperiment = z
  .object({
    name: z.string().trim().min(1).max(120),
    dimension: z.enum(EXPERIMENT_DIMENSIONS),
    control_key: z.string(),
    variants: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9_-]{1,40}$/, "Use 1 to 40 lower-case letters, digits, - or _"),
            kind: z.enum([...POLICY_KINDS, ...MESSAGE_KINDS]),
            arm_id: z.string().optional(),
            weight: z.number().int().min(1).max(1000).optional(),
          })
          .strict()
      )
      .min(2)
      .max(6),
  })
  .strict()
  .superRefine((experiment, ctx) => {
    const allowed: readonly string[] = experiment.dimension === "policy" ? POLICY_KINDS : MESSAGE_KINDS
    const keys = experiment.variants.map((v) => v.key)
    experiment.variants.forEach((variant, i) => {
      if (!allowed.includes(variant.kind)) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "kind"], message: `A ${experiment.dimension} experiment's variants are ${allowed.join(", ")}` })
      }
      if ((variant.kind === "fixed_arm") !== !!variant.arm_id) {
        ctx.addIssue({ code: "custom", path: ["variants", i, "arm_id"], message: "arm_id is required for fixed_arm variants, and only for them" })
      }
    })
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: "custom", path: ["variants"], message: "Variant keys must be unique" })
    }
    if (!keys.includes(experiment.control_key)) {
      ctx.addIssue({ code: "custom", path: ["control_key"], message: "control_key must be one of the variants' keys" })
    }
  })
export type AdminCreateExperimentType = z.infer<typeof AdminCreateExperiment>
