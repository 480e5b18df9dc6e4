import { createCampaign } from "@/lib/campaigns/create";
import * as op from "@/lib/campaigns/operations";
import { listCampaigns } from "@/lib/campaigns/read";
import { json } from "@/lib/http/json";
import { paginated } from "@/lib/http/pagination";
import { v1Route } from "@/lib/http/v1-route";

export const POST = v1Route(op.createCampaign, async ({ db, ctx, body }) => {
  const campaign = await createCampaign(db, ctx, body);
  return json(campaign, { status: 201, headers: { Location: `/api/v1/campaigns/${campaign.id}` } });
});

export const GET = v1Route(op.listCampaigns, async ({ req, db, ctx, query }) => {
  const { items, total } = await listCampaigns(db, ctx, query);
  return paginated(req, items, total, query);
});
