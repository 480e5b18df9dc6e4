import { getTranslations } from "next-intl/server";
import { ListLoading } from "@/components/console/list-loading";

export default async function Loading() {
  return <ListLoading label={(await getTranslations("common"))("loading")} />;
}
