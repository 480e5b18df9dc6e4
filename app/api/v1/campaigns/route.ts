import { campaignListQuery, createCampaignBody } from "@/lib/api/schemas/campaigns";
import { createCampaign } from "@/lib/campaigns/create";
import { listCampaigns } from "@/lib/campaigns/read";
import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";

export const POST = v1Route({ scope: "jobs:write", body: createCampaignBody }, async ({ db, ctx, body }) => {
  const campaign = await createCampaign(db, ctx, body);
  return json(campaign, { status: 201, headers: { Location: `/api/v1/campaigns/${campaign.id}` } });
});

export const GET = v1Route({ scope: "jobs:read", query: campaignListQuery }, async ({ req, db, ctx, query }) => {
  const { items, total } = await listCampaigns(db, ctx, query);
  return paginated(req, items, total, query);
});
