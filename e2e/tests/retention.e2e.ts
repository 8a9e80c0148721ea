import { type Browser, expect, test } from "@playwright/test";
import { createPerson, demoUsers, runCron, signIn, uniqueName } from "./fixtures";

/** The admin (English) sets the company's retention action on the settings page. */
async function setRetentionAction(browser: Browser, option: string): Promise<void> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, demoUsers.admin.email);
  await admin.goto("/admin/company");
  await admin
    .getByLabel("What happens to a contact whose retention period has passed")
    .selectOption({ label: option });
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText(/^(Saved\.|Nothing changed\.)$/)).toBeVisible();
  await context.close();
}

test("a contact past their retention date is due on the Retention page, and the scheduled route erases them", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.dpo.email);
  // The demo queues due contacts for the DPO's review; a first run does that, so that the run
  // below (at level 3) has only this test's contact to erase.
  expect(await runCron(page, "retention")).toMatchObject({ action: "review", dryRun: false });

  const lastName = uniqueName("Aufbewahrung");
  await createPerson(page, { lastName, email: `${lastName.toLowerCase()}@example.org` });
  // A retention date set by hand (the person page's privacy panel): yesterday, so they are due.
  const privacy = page.getByTestId("person-privacy");
  await privacy.getByRole("button", { name: "Aufbewahrungsdatum setzen" }).click();
  const dialog = page.getByTestId("retention-date-dialog");
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel("Aufbewahren bis").fill(yesterday);
  await dialog.getByLabel("Grund").fill("Bittet telefonisch um Löschung");
  await dialog.getByRole("button", { name: "Speichern" }).click();
  await expect(privacy.getByTestId("retention-manual")).toContainText(
    "Grund: Bittet telefonisch um Löschung",
  );

  await page.goto("/retention");
  await expect(page.getByRole("heading", { level: 1, name: "Aufbewahrung" })).toBeVisible();
  const dueNow = page.getByRole("table", { name: "Jetzt fällige Kontakte" });
  await expect(dueNow.getByRole("link", { name: new RegExp(lastName) })).toBeVisible();

  await setRetentionAction(browser, "Erase completely (level 3, default)");
  const run = await runCron(page, "retention");
  expect(run).toMatchObject({ action: "erase_level_3", dryRun: false, erased: 1, failed: 0, finished: true });

  await page.goto("/retention");
  await expect(page.getByRole("heading", { name: "Jetzt fällig: 0" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(lastName) })).toHaveCount(0);
  const lastRun = page
    .getByRole("table", { name: "Letzte Aufbewahrungsläufe" })
    .getByTestId("retention-run-row")
    .first();
  await expect(lastRun).toContainText("vollständig löschen (Stufe 3)");
  await expect(lastRun).toContainText("abgeschlossen");

  await setRetentionAction(browser, "Queue for the data protection officer's review");
});
