import { boolean, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { campaigns } from "./campaigns";
import { createdAt } from "./columns";
import { interviewConfigs } from "./interview-configs";
import { organizations } from "./organizations";

export const campaignStages = pgTable(
  "campaign_stages",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    configId: text("config_id").references(() => interviewConfigs.id, { onDelete: "set null" }),
    generateReport: boolean("generate_report").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    // A campaign's stages in order; positions are unique within a campaign.
    uniqueIndex("campaign_stages_campaign_position_key").on(t.campaignId, t.position),
  ],
);

export type CampaignStage = typeof campaignStages.$inferSelect;
