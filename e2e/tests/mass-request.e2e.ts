import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import {
  createPerson,
  demoUsers,
  linkFromOutbox,
  recordConsentByLetter,
  runCron,
  signIn,
  uniqueName,
} from "./fixtures";

const micrositeUrl = process.env.MICROSITE_URL ?? "http://localhost:3101";

// Issue 8, the whole way: a list from a filter plus a CSV import, checked for "Newsletter / e-mail",
// the reasons read, the export, the mass consent request to 100 %, the mail opened from the outbox,
// consent given and confirmed on the microsite, and the re-check finds the person admissible.
test("#1-#7 list, import, check, export, mass request to 100 %, consent on the microsite, re-check", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, demoUsers.marketing.email);
  const prefix = uniqueName("Sammel");
  const anna = `${prefix.toLowerCase()}a@example.test`;
  // Not found by the filter (the search matches names and e-mail prefixes), only by the import.
  const cora = `import-${prefix.toLowerCase()}@example.test`;

  // Anna gave a proven consent to product surveys by e-mail: e-mail advertising is admissible for her.
  await createPerson(page, { firstName: "Anna", lastName: `${prefix}a`, email: anna });
  await recordConsentByLetter(page, "Produktumfragen", "Unterschriebener Brief");
  await createPerson(page, {
    firstName: "Bert",
    lastName: `${prefix}b`,
    email: `${prefix.toLowerCase()}b@example.test`,
  });
  await createPerson(page, { firstName: "Cora", lastName: uniqueName("Importiert"), email: cora });

  // #1 The list from the filter (Anna, Bert), then Cora by CSV import.
  await page.goto("/persons");
  await page.getByRole("searchbox").fill(prefix);
  await page.getByRole("button", { name: "Suche", exact: true }).click();
  await expect(page.getByTestId("person-row")).toHaveCount(2);
  await page.getByLabel("Neue Liste aus diesem Filter").fill(`Sammelanfrage ${prefix}`);
  await page.getByRole("button", { name: "Liste aus Filter anlegen" }).click();
  await page.getByRole("link", { name: "Liste mit 2 Personen angelegt – öffnen" }).click();
  await page.waitForURL(/\/lists\/[0-9a-f-]{36}$/);
  const csv = join(tmpdir(), `${prefix}.csv`);
  writeFileSync(csv, `E-Mail;Vorname\n${cora.toUpperCase()};Cora\n`);
  await page.getByLabel("CSV-Datei").setInputFiles(csv);
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  await page.getByRole("button", { name: "Die zugeordnete Person hinzufügen" }).click();
  await expect(page.getByTestId("member-count")).toHaveText("3 Mitglieder");

  // #3 Check for Newsletter / e-mail: nobody may be contacted yet, and why.
  const check = page.getByRole("region", { name: "Diese Liste prüfen" });
  await check.getByRole("checkbox", { name: "Newsletter" }).check();
  await check.getByLabel("Kanal").selectOption("email");
  await check.getByRole("button", { name: "Prüfen", exact: true }).click();
  await expect(check.getByTestId("check-admissible")).toHaveText("Zulässig: 0");
  await expect(check.getByRole("row", { name: /^Keine erfasste Rechtsgrundlage .* 3$/ })).toBeVisible();
  // #4 The export names the settings and time.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    check.getByTestId("check-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^newsletter-email-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);

  // #5 Who is asked how: Anna by e-mail; Bert and Cora have no lawful way (no e-mail basis, no address).
  const campaign = check.getByTestId("consent-campaign");
  await expect(campaign.getByTestId("campaign-email")).toHaveText("1");
  await expect(campaign.getByTestId("campaign-letter")).toHaveText("0");
  await expect(campaign.locator('[data-reason="no_lawful_channel"]')).toContainText("2");
  await campaign.getByRole("button", { name: "Vorschau der E-Mail (DE)" }).click();
  await expect(campaign.getByText("Betreff: Ihre Einwilligung: bitte kurz bestätigen")).toBeVisible();
  const letter = await page.request.get(
    (await campaign.getByTestId("campaign-letter-preview").getAttribute("href")) ?? "",
  );
  expect(letter.headers()["content-type"]).toBe("application/pdf");
  expect((await letter.body()).subarray(0, 4).toString()).toBe("%PDF");
  await campaign.getByRole("button", { name: "Anfragen senden…" }).click();
  const dialog = page.getByRole("dialog", { name: "Einwilligungsanfragen senden?" });
  await expect(dialog).toContainText(
    "1 E-Mail wird über den Postausgang versendet, kein Brief ist druckbereit; 2 Mitglieder werden nicht gefragt.",
  );
  await dialog.getByRole("button", { name: "Senden", exact: true }).click();

  // #6 The job runs (as the scheduler calls it) and the progress reaches 100 %.
  const progress = campaign.getByTestId("campaign-progress");
  await expect(progress).toBeVisible();
  await runCron(page, "jobs");
  await expect(progress).toHaveAttribute("data-state", "done");
  await expect(campaign.getByTestId("campaign-percent")).toContainText("(100 %)");
  await expect(campaign.getByTestId("campaign-done")).toHaveText(
    "Fertig: 1 E-Mails eingereiht, 0 Briefe bereit, 2 nicht gefragt.",
  );
  // #7 The list's history shows the request.
  await expect(check.getByTestId("campaign-history").locator("tbody tr").first()).toContainText("1 / 0 / 2");

  // The mail is written when the outbox runs; Anna opens it (read from the DPO's outbox page, as
  // her mail client would show it) and consents on the microsite.
  await runCron(page, "outbox");
  const mailbox = await browser.newContext();
  const outbox = await mailbox.newPage();
  await signIn(outbox, demoUsers.dpo.email);
  const link = await linkFromOutbox(
    outbox,
    "consent-request",
    /https?:\/\/\S+\/(de|en)\/p\/[A-Za-z0-9_-]{43}/,
    anna,
  );
  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto(`${micrositeUrl}${new URL(link).pathname}`);
  await expect(person).toHaveURL(/\/settings$/);
  await person
    .getByRole("group", { name: /Wofür dürfen wir/ })
    .getByRole("checkbox", { name: /^Newsletter/ })
    .check();
  await person.getByRole("button", { name: "Auswahl speichern" }).click();
  await expect(person.getByRole("status")).toContainText("Bestätigungs-E-Mail");
  await runCron(page, "outbox");
  const confirm = await linkFromOutbox(
    outbox,
    "double-opt-in",
    /https?:\/\/\S+\/(de|en)\/confirm\/[A-Za-z0-9_-]{43}/,
    anna,
  );
  await person.goto(`${micrositeUrl}${new URL(confirm).pathname}`);
  await person.getByRole("button", { name: "Bestätigen" }).click();
  await expect(person.getByRole("heading", { name: /Danke für Ihre Bestätigung/ })).toBeVisible();
  await context.close();
  await mailbox.close();

  // Re-check: Anna is admissible now.
  await page.goto("/lists");
  await page.getByRole("link", { name: `Sammelanfrage ${prefix}` }).click();
  const recheck = page.getByRole("region", { name: "Diese Liste prüfen" });
  await recheck.getByRole("checkbox", { name: "Newsletter" }).check();
  await recheck.getByLabel("Kanal").selectOption("email");
  await recheck.getByRole("button", { name: "Prüfen", exact: true }).click();
  await expect(recheck.getByTestId("check-admissible")).toHaveText("Zulässig: 1");
  await expect(recheck.getByTestId("check-members").locator('tr[data-admissible="true"]')).toContainText(
    `${prefix}a`,
  );
});
