import { randomBase62 } from "@/lib/ids";

export const REQUEST_ID_HEADER = "Request-Id";

export const newRequestId = () => `req_${randomBase62(20)}`;
