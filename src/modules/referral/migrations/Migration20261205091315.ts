import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205091315 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "viral_moment" drop constraint if exists "viral_moment_trigger_unique";`);
    this.addSql(`alter table if exists "referral_variant" drop constraint if exists "referral_variant_key_unique";`);
    this.addSql(`alter table if exists "referral_touch" drop constraint if exists "referral_touch_referral_type_unique";`);
    this.addSql(`alter table if exists "referral_secret" drop constraint if exists "referral_secret_name_unique";`);
    this.addSql(`alter table if exists "referral_reward" drop constraint if exists "referral_reward_referral_role_unique";`);
    this.addSql(`alter table if exists "referral_program" drop constraint if exists "referral_program_version_unique";`);
    this.addSql(`alter table if exists "referral_message" drop constraint if exists "referral_message_key_unique";`);
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_order_unique";`);
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_cart_unique";`);
    this.addSql(`alter table if exists "referral_code" drop constraint if exists "referral_code_customer_unique";`);
    this.addSql(`alter table if exists "referral_code" drop constraint if exists "referral_code_code_unique";`);
    this.addSql(`alter table if exists "referral_cart_origin" drop constraint if exists "referral_cart_origin_cart_unique";`);
    this.addSql(`alter table if exists "referral_assignment" drop constraint if exists "referral_assignment_unique";`);
    this.addSql(`alter table if exists "propensity_model" drop constraint if exists "propensity_model_version_unique";`);
    this.addSql(`alter table if exists "customer_network" drop constraint if exists "customer_network_customer_unique";`);
    this.addSql(`alter table if exists "bandit_state" drop constraint if exists "bandit_state_arm_context_unique";`);
    this.addSql(`create table if not exists "bandit_state" ("id" text not null, "arm_id" text not null, "context_key" text not null, "pulls" integer not null default 0, "successes" integer not null default 0, "failures" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bandit_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bandit_state_deleted_at" ON "bandit_state" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bandit_state_arm_context_unique" ON "bandit_state" ("arm_id", "context_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_compute_run" ("id" text not null, "kind" text check ("kind" in ('propensity_training', 'network')) not null, "status" text check ("status" in ('queued', 'running', 'done', 'failed')) not null default 'queued', "result" jsonb null, "error" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_compute_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_compute_run_deleted_at" ON "referral_compute_run" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "customer_network" ("id" text not null, "customer_id" text not null, "out_degree" integer not null, "descendants" integer not null, "generations" integer not null, "depth" integer not null, "pagerank" real not null, "super_connector" boolean not null default false, "computed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_network_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_network_deleted_at" ON "customer_network" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_network_customer_unique" ON "customer_network" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_network_pagerank" ON "customer_network" ("pagerank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_network_depth" ON "customer_network" ("depth") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "incentive_arm" ("id" text not null, "name" text not null, "referee_type" text check ("referee_type" in ('percentage', 'fixed')) not null, "referee_value" numeric not null, "referee_currency_code" text null, "referrer_type" text check ("referrer_type" in ('store_credit', 'percentage', 'fixed')) not null, "referrer_value" numeric not null, "referrer_currency_code" text null, "referee_amounts" jsonb null, "referrer_amounts" jsonb null, "is_default" boolean not null default false, "active" boolean not null default true, "metadata" jsonb null, "raw_referee_value" jsonb not null, "raw_referrer_value" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "incentive_arm_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_incentive_arm_deleted_at" ON "incentive_arm" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_incentive_arm_one_default" ON "incentive_arm" ("is_default") WHERE is_default = true AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "propensity_model" ("id" text not null, "version" integer not null, "kind" text check ("kind" in ('gradient_boosting', 'heuristic')) not null, "status" text check ("status" in ('active', 'awaiting_confirmation', 'rejected', 'retired')) not null, "trained_at" timestamptz not null, "label" text not null, "features" jsonb not null, "n_train" integer not null, "n_test" integer not null, "positives" integer not null, "positive_rate" real not null, "auc" real null, "baseline_auc" real null, "importances" jsonb null, "training_ms" integer not null, "reason" text null, "score_percentiles" jsonb null, "suppressed_share" real null, "active_suppressed_share" real null, "model" jsonb null, "explainer" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "propensity_model_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_propensity_model_deleted_at" ON "propensity_model" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_propensity_model_version_unique" ON "propensity_model" ("version") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_propensity_model_one_active" ON "propensity_model" ("status") WHERE status = 'active' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_assignment" ("id" text not null, "experiment_id" text not null, "customer_id" text not null, "variant_key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_assignment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_assignment_deleted_at" ON "referral_assignment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_assignment_unique" ON "referral_assignment" ("experiment_id", "customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_assignment_variant" ON "referral_assignment" ("experiment_id", "variant_key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_cart_origin" ("id" text not null, "cart_id" text not null, "ip" text null, "visitor_id" text null, "source" text check ("source" in ('code', 'link', 'name')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_cart_origin_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_cart_origin_deleted_at" ON "referral_cart_origin" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_cart_origin_cart_unique" ON "referral_cart_origin" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_cart_origin_updated" ON "referral_cart_origin" ("updated_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_code" ("id" text not null, "code" text not null, "customer_id" text not null, "promotion_id" text null, "arm_id" text null, "status" text check ("status" in ('active', 'disabled')) not null default 'active', "uses" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_code_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_code_deleted_at" ON "referral_code" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_code_unique" ON "referral_code" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_code_customer_unique" ON "referral_code" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral" ("id" text not null, "code" text not null, "referral_code_id" text not null, "referrer_customer_id" text not null, "referee_customer_id" text null, "referee_email" text null, "status" text check ("status" in ('pending', 'review', 'converted', 'rewarded', 'rejected', 'expired')) not null default 'pending', "reason" text null, "cart_id" text null, "order_id" text null, "order_total" numeric null, "currency_code" text null, "arm_id" text null, "variant" text null, "attributed_at" timestamptz null, "converted_at" timestamptz null, "flags" jsonb null, "ip_address" text null, "visitor_id" text null, "source" text null, "metadata" jsonb null, "raw_order_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_referral_code_id" ON "referral" ("referral_code_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_deleted_at" ON "referral" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_cart_unique" ON "referral" ("cart_id") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_order_unique" ON "referral" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_referrer_status" ON "referral" ("referrer_customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_status_created" ON "referral" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_ip_created" ON "referral" ("ip_address", "created_at") WHERE ip_address IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_visitor_created" ON "referral" ("visitor_id", "created_at") WHERE visitor_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_converted_at" ON "referral" ("converted_at") WHERE converted_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_experiment" ("id" text not null, "name" text not null, "dimension" text check ("dimension" in ('policy', 'message')) not null, "status" text check ("status" in ('running', 'stopped')) not null default 'running', "control_key" text not null, "started_at" timestamptz not null, "stopped_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_experiment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_experiment_deleted_at" ON "referral_experiment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_experiment_one_running_per_dimension" ON "referral_experiment" ("dimension") WHERE status = 'running' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_message" ("id" text not null, "prompt_id" text not null, "customer_id" text not null, "channel" text not null, "recipient_key" text not null, "message" text not null, "subject" text null, "source" text check ("source" in ('llm', 'template')) not null, "fallback_reason" text null, "prompt_version" text not null, "latency_ms" integer not null, "attempts" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_message_deleted_at" ON "referral_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_message_key_unique" ON "referral_message" ("prompt_id", "channel", "recipient_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_message_customer_created" ON "referral_message" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_program" ("id" text not null, "version" integer not null, "enabled" boolean not null default true, "attribution_window_days" integer not null default 30, "reward_code_expiry_days" integer not null default 90, "reward_hold_days" integer not null default 30, "reward_hold_starts" text check ("reward_hold_starts" in ('order_placed', 'fulfilled', 'delivered')) not null default 'delivered', "reward_min_net_share" real not null default 0.5, "referrer_cap" integer not null default 10, "referrer_cap_window_days" integer not null default 30, "new_customers_only" boolean not null default true, "block_same_address" boolean not null default true, "require_review" boolean not null default false, "flag_disposable_email" boolean not null default true, "flag_ip_velocity" boolean not null default true, "ip_velocity_max" integer not null default 3, "ip_velocity_window_hours" integer not null default 24, "flag_shared_fingerprint" boolean not null default true, "propensity_ask_share" real not null default 0.7, "propensity_high_share" real not null default 0.2, "propensity_exploration_share" real not null default 0.05, "propensity_max_suppressed_shift" real not null default 0.2, "propensity_label" text check ("propensity_label" in ('converted_referral', 'shared')) not null default 'converted_referral', "propensity_min_positives" integer not null default 200, "propensity_label_window_days" integer not null default 90, "propensity_promotion_tolerance" real not null default 0.005, "moment_threshold" real not null default 0.5, "moment_weights" jsonb null, "high_value_ratio" real not null default 1.5, "ask_cooldown_days" integer not null default 14, "max_prompts_per_30_days" integer not null default 2, "store_daily_prompt_cap" integer not null default 500, "expected_margin_rate" real not null default 0.3, "super_connector_percentile" real not null default 0.95, "super_connector_min_referrals" integer not null default 3, "llm_enabled" boolean not null default true, "identifier_retention_days" integer not null default 90, "message_retention_days" integer not null default 365, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_program_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_program_deleted_at" ON "referral_program" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_program_version_unique" ON "referral_program" ("version") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_prompt" ("id" text not null, "customer_id" text not null, "referral_code_id" text not null, "moment_id" text null, "arm_id" text not null, "context_key" text not null, "context" jsonb not null, "propensity" real null, "message" text not null, "message_source" text check ("message_source" in ('llm', 'template')) not null default 'template', "message_fallback_reason" text null, "variant" text null, "status" text check ("status" in ('open', 'converted', 'expired')) not null default 'open', "expires_at" timestamptz not null, "outcome_at" timestamptz null, "referral_id" text null, "sampled" jsonb null, "probability" real null, "self_reported" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_prompt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_deleted_at" ON "referral_prompt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_customer_status" ON "referral_prompt" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_status_expires" ON "referral_prompt" ("status", "expires_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_created" ON "referral_prompt" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_prompt_referral_id" ON "referral_prompt" ("referral_id") WHERE referral_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_reward" ("id" text not null, "referral_id" text not null, "customer_id" text null, "role" text check ("role" in ('referrer', 'referee')) not null, "kind" text check ("kind" in ('store_credit', 'promotion', 'discount')) not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('held', 'issuing', 'issued', 'revoking', 'revoked')) not null default 'held', "release_at" timestamptz null, "issued_at" timestamptz null, "revoked_at" timestamptz null, "external_reference" text null, "note" text null, "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_reward_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_referral_id" ON "referral_reward" ("referral_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_deleted_at" ON "referral_reward" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_reward_referral_role_unique" ON "referral_reward" ("referral_id", "role") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_status_release" ON "referral_reward" ("status", "release_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_customer" ON "referral_reward" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_reward_created" ON "referral_reward" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_secret" ("id" text not null, "name" text not null, "value" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_secret_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_secret_deleted_at" ON "referral_secret" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_secret_name_unique" ON "referral_secret" ("name") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_touch" ("id" text not null, "type" text check ("type" in ('prompt_shown', 'share', 'click', 'code_applied', 'signup', 'first_order')) not null, "referral_code_id" text null, "code" text null, "customer_id" text null, "visitor_id" text null, "referral_id" text null, "channel" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_touch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_touch_deleted_at" ON "referral_touch" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_touch_type_created" ON "referral_touch" ("type", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_touch_code_type" ON "referral_touch" ("referral_code_id", "type") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_touch_referral_type_unique" ON "referral_touch" ("referral_id", "type") WHERE referral_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "referral_variant" ("id" text not null, "experiment_id" text not null, "key" text not null, "kind" text check ("kind" in ('bandit', 'fixed_arm', 'holdout', 'llm', 'template')) not null, "arm_id" text null, "weight" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "referral_variant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_variant_experiment_id" ON "referral_variant" ("experiment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_referral_variant_deleted_at" ON "referral_variant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_referral_variant_key_unique" ON "referral_variant" ("experiment_id", "key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "viral_moment" ("id" text not null, "customer_id" text not null, "trigger" text not null, "trigger_id" text not null, "signals" jsonb not null, "score" real not null, "propensity" real null, "propensity_band" text null, "decision" text check ("decision" in ('prompted', 'suppressed')) not null, "reason" text null, "prompt_id" text null, "variant" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "viral_moment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_viral_moment_deleted_at" ON "viral_moment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_viral_moment_trigger_unique" ON "viral_moment" ("customer_id", "trigger", "trigger_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_viral_moment_customer_created" ON "viral_moment" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_viral_moment_decision_created" ON "viral_moment" ("decision", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "referral" add constraint "referral_referral_code_id_foreign" foreign key ("referral_code_id") references "referral_code" ("id") on update cascade;`);

    this.addSql(`alter table if exists "referral_reward" add constraint "referral_reward_referral_id_foreign" foreign key ("referral_id") references "referral" ("id") on update cascade;`);

    this.addSql(`alter table if exists "referral_variant" add constraint "referral_variant_experiment_id_foreign" foreign key ("experiment_id") references "referral_experiment" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "referral" drop constraint if exists "referral_referral_code_id_foreign";`);

    this.addSql(`alter table if exists "referral_reward" drop constraint if exists "referral_reward_referral_id_foreign";`);

    this.addSql(`alter table if exists "referral_variant" drop constraint if exists "referral_variant_experiment_id_foreign";`);

    this.addSql(`drop table if exists "bandit_state" cascade;`);

    this.addSql(`drop table if exists "referral_compute_run" cascade;`);

    this.addSql(`drop table if exists "customer_network" cascade;`);

    this.addSql(`drop table if exists "incentive_arm" cascade;`);

    this.addSql(`drop table if exists "propensity_model" cascade;`);

    this.addSql(`drop table if exists "referral_assignment" cascade;`);

    this.addSql(`drop table if exists "referral_cart_origin" cascade;`);

    this.addSql(`drop table if exists "referral_code" cascade;`);

    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`drop table if exists "referral_experiment" cascade;`);

    this.addSql(`drop table if exists "referral_message" cascade;`);

    this.addSql(`drop table if exists "referral_program" cascade;`);

    this.addSql(`drop table if exists "referral_prompt" cascade;`);

    this.addSql(`drop table if exists "referral_reward" cascade;`);

    this.addSql(`drop table if exists "referral_secret" cascade;`);

    this.addSql(`drop table if exists "referral_touch" cascade;`);

    this.addSql(`drop table if exists "referral_variant" cascade;`);

    this.addSql(`drop table if exists "viral_moment" cascade;`);
  }

}
