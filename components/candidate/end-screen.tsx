"use client";

import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { StepHeading } from "./step-heading";

/** A screen that closes a path: what happened, what (if anything) the candidate can do next. */
export function EndScreen({ title, body, icon, actions, testId }: { title: string; body: string; icon?: ReactNode; actions?: ReactNode; testId: string }) {
  return (
    <Card className="p-6 sm:p-8" data-testid={testId}>
      {icon ? <div className="mb-4 text-primary [&_svg]:size-10">{icon}</div> : null}
      <StepHeading className="text-xl sm:text-2xl">{title}</StepHeading>
      <p className="mt-3 text-muted-foreground">{body}</p>
      {actions ? <div className="mt-6 flex flex-col gap-3 sm:flex-row">{actions}</div> : null}
    </Card>
  );
}
