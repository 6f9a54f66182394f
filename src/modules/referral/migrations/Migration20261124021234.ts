import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124021234 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "viral_moment" drop constraint if exists "viral_moment_trigger_unique";`);
    this.addSql(`alter table if exists "bandit_state" drop constraint if exists "bandit_state_arm_context_unique";`);
    this.addSql(`create table if not exists "bandit_state" ("id" text not null, "arm_id" text not null, "context_key" text not null, "pulls" integer not null default 0, "successes" integer not null default 0, "failures" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bandit_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bandit_state_deleted_at" ON "bandit_state" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bandit_state_arm_context_unique" ON "bandit_state" ("arm_id", "context_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_prompt" ("id" text not null, "customer_id" text not null, "referral_code_id" text not null, "moment_id" text null, "arm_id" text not null, "context_key" text not null, "context" jsonb not null, "propensity" real null, "message" text not null, "message_source" text check ("message_source" in ('llm', 'template')) not null default 'template', "variant" text null, "status" text check ("status" in ('open', 'converted', 'expired')) not null default 'open', "expires_at" timestamptz not null, "outcome_at" timestamptz null, "referral_id" text null, "sampled" jsonb null, "probability" real null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_prompt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_deleted_at" ON "referral_prompt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_customer_status" ON "referral_prompt" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_status_expires" ON "referral_prompt" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_created" ON "referral_prompt" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "viral_moment" ("id" text not null, "customer_id" text not null, "trigger" text not null, "trigger_id" text not null, "signals" jsonb not null, "score" real not null, "propensity" real null, "propensity_band" text null, "decision" text check ("decision" in ('prompted', 'suppressed')) not null, "reason" text null, "prompt_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "viral_moment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_viral_moment_deleted_at" ON "viral_moment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_viral_moment_trigger_unique" ON "viral_moment" ("customer_id", "trigger", "trigger_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_viral_moment_customer_created" ON "viral_moment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_viral_moment_decision_created" ON "viral_moment" ("decision", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "incentive_arm" add column if not exists "referee_amounts" jsonb null, add column if not exists "referrer_amounts" jsonb null;`);

    this.addSql(`alter table if exists "referral_program" add column if not exists "moment_weights" jsonb null, add column if not exists "high_value_ratio" real not null default 1.5, add column if not exists "ask_cooldown_days" integer not null default 14, add column if not exists "max_prompts_per_30_days" integer not null default 2, add column if not exists "store_daily_prompt_cap" integer not null default 500, add column if not exists "expected_margin_rate" real not null default 0.3;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bandit_state" cascade;`);

    this.addSql(`drop table if exists "referral_prompt" cascade;`);

    this.addSql(`drop table if exists "viral_moment" cascade;`);

    this.addSql(`alter table if exists "incentive_arm" drop column if exists "referee_amounts", drop column if exists "referrer_amounts";`);

    this.addSql(`alter table if exists "referral_program" drop column if exists "moment_weights", drop column if exists "high_value_ratio", drop column if exists "ask_cooldown_days", drop column if exists "max_prompts_per_30_days", drop column if exists "store_daily_prompt_cap", drop column if exists "expected_margin_rate";`);
  }

}
