import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createPerson, demoUsers, recordConsentByLetter, signIn, uniqueName } from "./fixtures";

test("#3 #4 marketing checks a list for a purpose by e-mail, reads the reasons and exports only the admissible", async ({
  page,
}) => {
  await signIn(page, demoUsers.marketing.email);
  const prefix = uniqueName("Prueflist");
  const consenting = `${prefix.toLowerCase()}a@example.test`;
  const silent = `${prefix.toLowerCase()}b@example.test`;

  // One member consented by letter, with the letter described as evidence; the other never did.
  await createPerson(page, { firstName: "Anna", lastName: `${prefix}a`, email: consenting });
  await recordConsentByLetter(page, "Produktumfragen", "Unterschriebener Brief vom 1. Dezember");
  await createPerson(page, { firstName: "Bert", lastName: `${prefix}b`, email: silent });

  await page.goto("/persons");
  await page.getByRole("searchbox").fill(prefix);
  await page.getByRole("button", { name: "Suche", exact: true }).click();
  await expect(page.getByTestId("person-row")).toHaveCount(2);
  await page.getByLabel("Neue Liste aus diesem Filter").fill(`Umfrage ${prefix}`);
  await page.getByRole("button", { name: "Liste aus Filter anlegen" }).click();
  await page.getByRole("link", { name: "Liste mit 2 Personen angelegt – öffnen" }).click();
  await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);

  const check = page.getByRole("region", { name: "Diese Liste prüfen" });
  await check.getByRole("checkbox", { name: "Produktumfragen" }).check();
  await check.getByLabel("Kanal").selectOption("email");
  await check.getByRole("button", { name: "Prüfen", exact: true }).click();
  await expect(check.getByTestId("check-admissible")).toHaveText("Zulässig: 1");
  await expect(check.getByTestId("check-not-admissible")).toHaveText("Nicht zulässig: 1");
  // The summary names the reason in words; the members table shows who it concerns.
  await expect(check.getByRole("row", { name: /^Keine erfasste Rechtsgrundlage .* 1$/ })).toBeVisible();
  await expect(
    check.getByTestId("check-members").locator('tr[data-reason="no_record"][data-admissible="false"]'),
  ).toContainText(`${prefix}b`);
  await expect(check).toContainText("1 von 2 Mitgliedern dürfen kontaktiert werden");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    check.getByTestId("check-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/email-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
  const csv = readFileSync((await download.path()) ?? "", "utf8");
  expect(csv).toContain(consenting);
  expect(csv).not.toContain(silent);
});
