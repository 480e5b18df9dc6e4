import { boolean, integer, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { createdAt } from "./columns";
import { interviewConfigs } from "./interview-configs";
import { organizations } from "./organizations";
import { sameOrgReference } from "./tenant-keys";

export const campaignStages = pgTable(
  "campaign_stages",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: text("campaign_id").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    configId: text("config_id"),
    generateReport: boolean("generate_report").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    // Composite foreign keys point here (organization_id, id), so a row can only reference a stage
    // of its own organisation (the database, not only the queries, keeps tenants apart).
    unique("campaign_stages_org_id_key").on(t.organizationId, t.id),
    sameOrgReference("campaign_stages_campaign_id_fk", t, t.campaignId, campaigns).onDelete("cascade"),
    sameOrgReference("campaign_stages_config_id_fk", t, t.configId, interviewConfigs).onDelete("set null"),
    // A campaign's stages in order; positions are unique within a campaign.
    uniqueIndex("campaign_stages_campaign_position_key").on(t.campaignId, t.position),
  ],
);

export type CampaignStage = typeof campaignStages.$inferSelect;
