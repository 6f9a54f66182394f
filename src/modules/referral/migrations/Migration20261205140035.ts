import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205140035 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bandit_state" alter column "successes" type real using ("successes"::real);`);
    this.addSql(`alter table if exists "bandit_state" alter column "failures" type real using ("failures"::real);`);

    this.addSql(`alter table if exists "referral_prompt" add column if not exists "bandit_value" real null;`);
    // What earlier versions already counted (a success at conversion, a failure at expiry), so a later
    // settlement of those prompts replaces that count by its difference instead of counting them twice.
    this.addSql(`update "referral_prompt" set "bandit_value" = case when "status" = 'converted' then 1 else 0 end where "status" in ('converted', 'expired') and "bandit_value" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "bandit_state" alter column "successes" type integer using ("successes"::integer);`);
    this.addSql(`alter table if exists "bandit_state" alter column "failures" type integer using ("failures"::integer);`);

    this.addSql(`alter table if exists "referral_prompt" drop column if exists "bandit_value";`);
  }

}
