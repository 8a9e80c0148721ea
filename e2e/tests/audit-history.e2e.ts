import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./fixtures";

test("#17 right after start, a demo person's History shows how each consent came about", async ({ page }) => {
  await signIn(page, demoUsers.dpo.email);
  await page.getByRole("button", { name: /^Grün/ }).click();
  await expect(page.locator('table[aria-busy="false"]')).toBeVisible();
  await page.getByTestId("person-row").first().getByRole("link").click();
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);

  const history = page.getByTestId("person-history");
  // Who entered the person, and for a green person at least one consent or legal basis in force:
  // with its source and who recorded it (a staff user, the person on the microsite, the import).
  await expect(history.locator('[data-action="person.created"]')).toContainText(/durch \S+/);
  const records = history.locator(
    '[data-action="record.grant"], [data-action="record.confirm"], [data-action="record.activate"]',
  );
  await expect(records.first()).toContainText(
    /Quelle: (Microsite|Unterschrift|E-Mail|Telefon|Brief|Manuell|Import)/,
  );
  await expect(records.first()).toContainText(
    /durch (Sabine Vertrieb|Max Marketing|Dana Datenschutz|Alex Admin|die betroffene Person|das System)/,
  );
});

test("#16 #17 the audit page shows the demo's history, and the daily checkpoint anchors it", async ({
  page,
  request,
}) => {
  await signIn(page, demoUsers.dpo.email);
  await page.goto("/audit");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await expect(
    page
      .getByTestId("audit-row")
      .filter({ hasText: /record\.(grant|confirm|withdraw|decline|end|object)/ })
      .first(),
  ).toBeVisible();

  expect((await request.post("/api/cron/audit-checkpoint")).status()).toBe(401);
  const response = await request.post("/api/cron/audit-checkpoint", {
    headers: { Authorization: `Bearer ${process.env.CRON_SECRET}` },
  });
  expect(response.status()).toBe(200);
  const summary = (await response.json()) as { eventCount: number; mailedTo: string | null };
  expect(summary.eventCount).toBeGreaterThan(1000);
  expect(summary.mailedTo).toBe("dpo@demo.purposeful.test");

  await page.getByTestId("verify-audit").click();
  await expect(page.getByRole("status").filter({ hasText: /Intakt|Intact/ })).toContainText(
    /signierte[nm]? Prüfpunkt|signed checkpoint/,
  );
});
