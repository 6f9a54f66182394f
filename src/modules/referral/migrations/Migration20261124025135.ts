import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124025135 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "customer_network" drop constraint if exists "customer_network_customer_unique";`);
    this.addSql(`create table if not exists "customer_network" ("id" text not null, "customer_id" text not null, "out_degree" integer not null, "descendants" integer not null, "generations" integer not null, "depth" integer not null, "pagerank" real not null, "super_connector" boolean not null default false, "computed_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_network_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_network_deleted_at" ON "customer_network" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_network_customer_unique" ON "customer_network" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_network_pagerank" ON "customer_network" ("pagerank") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_customer_network_depth" ON "customer_network" ("depth") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "referral_program" add column if not exists "super_connector_percentile" real not null default 0.95, add column if not exists "super_connector_min_referrals" integer not null default 3;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_network" cascade;`);

    this.addSql(`alter table if exists "referral_program" drop column if exists "super_connector_percentile", drop column if exists "super_connector_min_referrals";`);
  }

}
