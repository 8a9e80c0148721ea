import { expect, test } from "@playwright/test";
import { createPerson, demoUsers, signIn, uniqueName } from "./fixtures";

// Issue 7's consent rules as a user sees them: the objection to direct marketing from the portal
// and the microsite, asking again only where allowed, and an offline consent with its day.
const micrositeUrl = process.env.MICROSITE_URL ?? "http://localhost:3101";

async function linkFromOutbox(page: import("@playwright/test").Page, template: string, pattern: RegExp) {
  await page.goto("/outbox");
  await page.getByTestId("outbox-row").filter({ hasText: template }).first().getByRole("button").click();
  const text =
    (await page.locator("section[aria-labelledby='outbox-detail-title'] pre").first().textContent()) ?? "";
  const link = text.match(pattern)?.[0];
  expect(link, `the ${template} mail carries a personal link`).toBeDefined();
  return link!;
}

test("#3 #9 staff record an objection to direct marketing in advance; no consent request mail goes out", async ({
  page,
}) => {
  const lastName = uniqueName("Widerspruch");
  await signIn(page, demoUsers.staff.email);
  await createPerson(page, { lastName, email: `${lastName.toLowerCase()}@example.test` });

  const objection = page.getByRole("region", { name: /Widerspruch gegen Direktwerbung/ });
  await objection.getByRole("checkbox", { name: "E-Mail" }).check();
  await objection.getByLabel("Wie er uns erreicht hat").selectOption("phone");
  await objection.getByRole("button", { name: "Widerspruch speichern" }).click();
  await expect(objection.getByText(/Gespeichert/)).toBeVisible();

  await expect(page.getByRole("region", { name: "Stammdaten" })).toContainText(
    /Widerspruch gegen Direktwerbung\s*E-Mail/,
  );
  await expect(page.getByTestId("request-not-admissible")).toContainText("Widerspruch gegen Direktwerbung");
  await expect(
    page.getByTestId("person-history").locator('[data-action="person.dm_objection"]'),
  ).toContainText("Widerspruch gegen Direktwerbung");
});

test("#3 #4 a person objects to advertising on the microsite without JavaScript; the portal shows why", async ({
  page,
  browser,
}) => {
  const lastName = uniqueName("Werbefrei");
  await signIn(page, demoUsers.dpo.email);
  const personUrl = await createPerson(page, { lastName, email: `${lastName.toLowerCase()}@example.test` });
  const panel = page.getByTestId("request-consent");
  await panel.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(panel.getByText(/liegt im Postausgang/)).toBeVisible();
  const link = await linkFromOutbox(page, "consent-request", /https?:\/\/\S+\/(de|en)\/p\/[A-Za-z0-9_-]{43}/);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const subject = await context.newPage();
  await subject.goto(link);
  await expect(subject).toHaveURL(/\/settings$/);
  const objection = subject.getByRole("region", { name: /Keine Werbung|No advertising/ });
  await objection.getByRole("checkbox", { name: /^(E-Mail|e-mail)$/ }).check();
  await objection.getByRole("checkbox", { name: /^(Post|post)$/ }).check();
  await objection.getByRole("button", { name: /Widerspruch speichern|Save my objection/ }).click();
  await expect(subject.getByRole("status")).toContainText(
    /Widerspruch gegen Werbung ist gespeichert|objection to advertising has been saved/,
  );
  await expect(objection.getByRole("checkbox", { name: /^(E-Mail|e-mail)$/ })).toBeChecked();
  await context.close();

  await page.goto(personUrl);
  await expect(page.getByRole("region", { name: "Stammdaten" })).toContainText(/E-Mail, Post/);
  const entry = page.getByTestId("person-history").locator('[data-action="person.dm_objection"]');
  await expect(entry).toContainText(/Microsite|Betroffene/);
  await expect(page.getByTestId("request-not-admissible")).toBeVisible();
  expect(micrositeUrl).toBeTruthy();
});

test("#2 an offline consent records the day it was given and the version agreed to", async ({ page }) => {
  const lastName = uniqueName("Briefkunde");
  await signIn(page, demoUsers.staff.email);
  await createPerson(page, { lastName });
  const panel = page.getByRole("region", { name: "Einwilligung, Widerruf oder Änderung erfassen" });
  const purposeSelect = panel.getByLabel("Zweck");
  const surveys = await purposeSelect.locator("option", { hasText: "Produktumfragen" }).getAttribute("value");
  await purposeSelect.selectOption(surveys ?? "");
  await panel.getByLabel("Was ist passiert").selectOption("grant");
  // Microsite, signature and API are never offered to staff.
  const sources = await panel.getByLabel("Wie es uns erreicht hat").locator("option").allTextContents();
  expect(sources).not.toContain("Microsite");
  expect(sources).not.toContain("Unterschrift");
  await panel.getByLabel("Wie es uns erreicht hat").selectOption("letter");
  await expect(panel.getByLabel("Erteilt am")).toBeVisible();
  await expect(panel.getByLabel("Zugestimmte Textversion")).toContainText(/Version \d/);
  await panel.getByLabel(/Oder den Nachweis beschreiben/).fill("Brief vom Kunden, unterschrieben");
  await panel.getByRole("button", { name: "Speichern" }).click();
  await expect(panel.getByText(/Gespeichert: Produktumfragen/)).toBeVisible();
  await expect(page.getByTestId("person-history").locator('[data-action="record.grant"]')).toContainText(
    "Brief",
  );
});
