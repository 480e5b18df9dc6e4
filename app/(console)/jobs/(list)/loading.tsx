import { getTranslations } from "next-intl/server";
import { ListLoading } from "@/components/console/list-loading";

// In a route group of its own, so it covers the list only: a loading boundary above /jobs/<id>
// would start the answer (200) before that page can make another organisation's id a 404.
export default async function Loading() {
  return <ListLoading label={(await getTranslations("common"))("loading")} />;
}
