import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124020231 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "propensity_model" drop constraint if exists "propensity_model_version_unique";`);
    this.addSql(`create table if not exists "propensity_model" ("id" text not null, "version" integer not null, "kind" text check ("kind" in ('gradient_boosting', 'heuristic')) not null, "status" text check ("status" in ('candidate', 'active', 'rejected', 'retired')) not null default 'candidate', "trained_at" timestamptz not null, "label" text not null, "features" jsonb not null, "n_train" integer not null, "n_test" integer not null, "positives" integer not null, "positive_rate" real not null, "auc" real null, "baseline_auc" real null, "importances" jsonb null, "training_ms" integer not null, "reason" text null, "model" jsonb null, "explainer" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "propensity_model_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_propensity_model_deleted_at" ON "propensity_model" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_propensity_model_version_unique" ON "propensity_model" ("version") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_propensity_model_one_active" ON "propensity_model" ("status") WHERE status = 'active' AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "referral_program" add column if not exists "propensity_label" text check ("propensity_label" in ('converted_referral', 'shared')) not null default 'converted_referral', add column if not exists "propensity_min_positives" integer not null default 200, add column if not exists "propensity_label_window_days" integer not null default 90, add column if not exists "propensity_promotion_tolerance" real not null default 0.005;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "propensity_model" cascade;`);

    this.addSql(`alter table if exists "referral_program" drop column if exists "propensity_label", drop column if exists "propensity_min_positives", drop column if exists "propensity_label_window_days", drop column if exists "propensity_promotion_tolerance";`);
  }

}
