import { expect, test } from "@playwright/test";
import { createInvitation } from "../support/invitation";

test("consent comes first: without the box ticked nothing is joined and the page says why", async ({ page, request }) => {
  const invitation = await createInvitation(request);
  const joins: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/join")) joins.push(r.url());
  });
  await page.goto(invitation.path);
  const box = page.getByRole("checkbox", { name: /I have read the information above/ });

  for (const choice of ["Type my answers instead", "Talk by voice"]) {
    await page.getByRole("button", { name: choice }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Please tick the box above" })).toBeVisible();
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("device-check")).toHaveCount(0);
  }
  expect(joins).toEqual([]);

  // Keyboard only: Space ticks the box, the error goes, and the choice goes on.
  await box.focus();
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  await expect(page.getByRole("alert").filter({ hasText: "Please tick the box above" })).toHaveCount(0);
  await page.getByRole("button", { name: "Talk by voice" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Let's check your microphone and speakers" })).toBeFocused();
  expect(joins).toEqual([]);
});
