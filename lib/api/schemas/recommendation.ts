import { z } from "zod";

// Shared by the report and by the human decision that records whether it agreed with it.
export const recommendationSchema = z
  .enum(["STRONG_YES", "YES", "NO_DECISION", "NO", "DEFINITELY_NO"])
  .describe("Derived from overallScore and the configuration's score bands");
