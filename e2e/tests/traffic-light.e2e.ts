import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "./fixtures";

test("the persons list filtered to red, and a red person's page explains why", async ({ page }) => {
  await signIn(page, demoUsers.staff.email);
  const red = page.getByRole("button", { name: /^Rot/ });
  await red.click();
  await expect(red).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator('[data-testid="person-row"] [data-light]:not([data-light="red"])')).toHaveCount(
    0,
  );
  const rows = page.getByTestId("person-row");
  await expect(rows.first()).toBeVisible();
  await expect(rows.locator('[data-light="red"]')).toHaveCount(await rows.count());

  // A second keyset page is red too.
  await page.getByRole("button", { name: "Nächste Seite" }).click();
  await expect(page.getByText("Seite 2", { exact: true })).toBeVisible();
  await expect(page.locator('table[aria-busy="false"]')).toBeVisible();
  await expect(page.locator('[data-testid="person-row"] [data-light]:not([data-light="red"])')).toHaveCount(
    0,
  );

  const first = rows.first().getByRole("link");
  const name = (await first.textContent()) ?? "";
  await first.click();
  const [lastName] = name.split(",");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(lastName!.trim());
  const explanation = page.getByTestId("light-explanation");
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText(
    /Keiner der \d+ Zwecke hat eine gültige Rechtsgrundlage|kein Zweck erfasst/,
  );
});

test("the language follows the staff user's choice", async ({ page }) => {
  await signIn(page, demoUsers.dpo.email);
  await expect(page.getByRole("heading", { name: "Personen" })).toBeVisible();
  await page.getByLabel("Sprache").selectOption("en");
  await expect(page.getByRole("heading", { name: "Persons" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Persons" })).toBeVisible();
  await page.getByLabel("Language").selectOption("de");
  await expect(page.getByRole("heading", { name: "Personen" })).toBeVisible();
});
