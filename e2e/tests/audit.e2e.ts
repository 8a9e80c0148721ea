import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./fixtures";

test("a DPO opens the audit trail and verifies the hash chain", async ({ page }) => {
  await signIn(page, demoUsers.dpo.email);
  await page.getByRole("link", { name: /^(Prüfprotokoll|Audit trail)$/ }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: /Prüfprotokoll|Audit trail/ })).toBeVisible();
  await page.getByTestId("verify-audit").click();
  await expect(page.getByRole("status").filter({ hasText: /Intakt|Intact/ })).toContainText(
    /(Intakt|Intact): \d[\d.,]* (Ereignisse geprüft|events verified)/,
  );
});

test("a staff user sees no audit link and gets the forbidden page", async ({ page }) => {
  await signIn(page, demoUsers.staff.email);
  await expect(page.getByRole("link", { name: /^(Prüfprotokoll|Audit trail)$/ })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: /Kein Zugriff|Not allowed/ })).toBeVisible();
  await expect(page.getByTestId("verify-audit")).toHaveCount(0);
});
