import { expect, type Page } from "@playwright/test";

export const demoPassword = "purposeful-demo";
export const demoUsers = {
  staff: { email: "staff@demo.purposeful.test", name: "Sabine Vertrieb", roleLabel: "Mitarbeiter" },
  marketing: { email: "marketing@demo.purposeful.test", name: "Max Marketing", roleLabel: "Marketing" },
  dpo: {
    email: "dpo@demo.purposeful.test",
    name: "Dana Datenschutz",
    roleLabel: "Datenschutzbeauftragte(r)",
  },
  admin: { email: "admin@demo.purposeful.test", name: "Alex Admin", roleLabel: "Admin" },
} as const;

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(/E-Mail-Adresse|E-mail address/).fill(email);
  await page.getByLabel(/Passwort|Password/).fill(password);
  await page.getByRole("button", { name: /Anmelden|Sign in/ }).click();
  await expect(page.getByTestId("dashboard")).toBeVisible();
  // Most tests start from the persons list.
  await page.getByRole("link", { name: /^(Personen|Persons)$/ }).click();
  await expect(page).toHaveURL(/\/persons$/);
}

/**
 * Creates a person of the test's own through the portal (signed in as staff or above) and opens
 * their page, so a test never depends on the demo seed's order. Returns the person page's URL.
 */
export async function createPerson(
  page: Page,
  input: { firstName?: string; lastName: string; email?: string; birthday?: string },
): Promise<string> {
  await page.goto("/persons/new");
  await page.getByLabel(/^(Vorname|First name)$/).fill(input.firstName ?? "Erika");
  await page.getByLabel(/^(Nachname|Last name)$/).fill(input.lastName);
  if (input.email) await page.getByLabel(/^(E-Mail|E-mail)/).fill(input.email);
  if (input.birthday) await page.getByLabel(/^(Geburtstag|Birthday)/).fill(input.birthday);
  await page.getByRole("button", { name: /Person anlegen|Create person/ }).click();
  await page.waitForURL(/\/persons\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(input.lastName);
  return page.url();
}

/** A last name no other test or seed uses. */
export const uniqueName = (prefix: string) => `${prefix}${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** The newest outbox mail of a template (to one address), read from the Outbox page's text version. */
export async function linkFromOutbox(
  staff: Page,
  template: string,
  pattern: RegExp,
  to?: string,
): Promise<string> {
  await staff.goto("/outbox");
  const rows = staff.getByTestId("outbox-row").filter({ hasText: template });
  const row = (to ? rows.filter({ hasText: to }) : rows).first();
  await row.getByRole("button").click();
  const text =
    (await staff.locator("section[aria-labelledby='outbox-detail-title'] pre").first().textContent()) ?? "";
  const link = text.match(pattern)?.[0];
  expect(link, `the ${template} mail carries a personal link`).toBeDefined();
  return link!;
}

/** Runs a scheduled route now, as the scheduler would (the launcher's croner also calls it). */
export async function runCron(
  page: Page,
  route: "jobs" | "outbox" | "retention",
): Promise<Record<string, unknown>> {
  const response = await page.request.post(`/api/cron/${route}`, {
    headers: { Authorization: `Bearer ${process.env.CRON_SECRET}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * On an open person page: records a consent the person gave by letter, with the letter described as
 * evidence (so it is proven), for the purpose named in the picker.
 */
export async function recordConsentByLetter(
  page: Page,
  purposeName: string,
  evidence: string,
): Promise<void> {
  const panel = page.getByRole("region", { name: "Einwilligung, Widerruf oder Änderung erfassen" });
  const purposeSelect = panel.getByLabel("Zweck");
  const purpose = await purposeSelect.locator("option", { hasText: purposeName }).getAttribute("value");
  await purposeSelect.selectOption(purpose ?? "");
  await panel.getByLabel("Was ist passiert").selectOption("grant");
  await panel.getByLabel("Wie es uns erreicht hat").selectOption("letter");
  await panel.getByLabel(/Oder den Nachweis beschreiben/).fill(evidence);
  await panel.getByRole("button", { name: "Speichern" }).click();
  await expect(panel.getByText(new RegExp(`Gespeichert: ${purposeName}`))).toBeVisible();
}
