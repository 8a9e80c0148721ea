import { expect, test } from "@playwright/test";
import { demoUsers, linkFromOutbox, signIn, uniqueName } from "./fixtures";

// Issue 11 #5: a person who is not in the CRM files a request on the microsite without an account:
// address → verification mail (captured in the Outbox) → link → type and message → confirmation
// with the case number; the receipt lands in the Outbox too.
const micrositeUrl = process.env.MICROSITE_URL ?? "http://localhost:3101";

test("a privacy request from the microsite: address → mailed link → type and message → case number", async ({
  page,
  browser,
}) => {
  const address = `${uniqueName("anfrage").toLowerCase()}@example.test`;
  const context = await browser.newContext();
  const person = await context.newPage();

  await person.goto(`${micrositeUrl}/de`);
  await person.getByRole("link", { name: "Anfrage stellen" }).click();
  await expect(person).toHaveURL(`${micrositeUrl}/de/request`);
  await person.getByLabel("Ihre E-Mail-Adresse").fill(address);
  await person.getByRole("button", { name: "Link zusenden" }).click();
  await expect(person.getByRole("status")).toContainText("Bitte sehen Sie in Ihr Postfach");

  await signIn(page, demoUsers.dpo.email);
  const link = await linkFromOutbox(
    page,
    "request-verification",
    /https?:\/\/\S+\/de\/request\/[A-Za-z0-9_-]{43}/,
    address,
  );

  await person.goto(link);
  await expect(person.getByRole("heading", { name: "Ihre Datenschutz-Anfrage" })).toBeVisible();
  await person.getByLabel(/Auskunft über meine Daten/).check();
  await person.getByLabel("Ihre Nachricht (freiwillig)").fill("Welche Daten speichern Sie über mich?");
  await person.getByRole("button", { name: "Anfrage absenden" }).click();
  await expect(person).toHaveURL(`${micrositeUrl}/de/request/received`);
  await expect(person.getByRole("heading", { name: "Ihre Anfrage ist eingegangen" })).toBeVisible();
  const receipt = person.getByTestId("receipt");
  await expect(receipt).toContainText(/DSR-\d{4}-\d{4}/);
  const number = (await receipt.textContent())?.match(/DSR-\d{4}-\d{4,}/)?.[0];

  // The link is used up: opening it again gets the generic page.
  await person.goto(link);
  await expect(person.getByRole("heading", { name: "Dieser Link funktioniert nicht" })).toBeVisible();

  await page.goto("/outbox");
  const row = page
    .getByTestId("outbox-row")
    .filter({ hasText: "request-receipt" })
    .filter({ hasText: address });
  await expect(row).toHaveCount(1);
  await row.getByRole("button").click();
  await expect(page.locator("section[aria-labelledby='outbox-detail-title']")).toContainText(
    number ?? "DSR-",
  );
  await context.close();
});
