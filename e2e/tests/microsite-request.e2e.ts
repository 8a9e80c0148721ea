import { expect, test } from "@playwright/test";
import { createPerson, demoUsers, linkFromOutbox, signIn, uniqueName } from "./fixtures";

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

// Issue 11: a customer asks for erasure on the microsite; the DPO erases them at level 3 from the
// case, which records the erasure in its step, and closes the case.
test("an erasure request from the microsite is carried out at level 3 from its case", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.dpo.email);
  const lastName = uniqueName("Loeschen");
  const address = `${lastName.toLowerCase()}@example.test`;
  await createPerson(page, { lastName, email: address });

  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto(`${micrositeUrl}/de/request`);
  await person.getByLabel("Ihre E-Mail-Adresse").fill(address);
  await person.getByRole("button", { name: "Link zusenden" }).click();
  await expect(person.getByRole("status")).toContainText("Bitte sehen Sie in Ihr Postfach");
  const link = await linkFromOutbox(
    page,
    "request-verification",
    /https?:\/\/\S+\/de\/request\/[A-Za-z0-9_-]{43}/,
    address,
  );
  await person.goto(link);
  await person.getByLabel(/Meine Daten löschen/).check();
  await person.getByRole("button", { name: "Anfrage absenden" }).click();
  const number = (await person.getByTestId("receipt").textContent())?.match(/DSR-\d{4}-\d{4,}/)?.[0];
  expect(number).toBeDefined();
  await context.close();

  // The case: from the microsite, the identity confirmed by the e-mail link, the person linked.
  await page.goto("/requests");
  await page.getByRole("link", { name: number! }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Löschung");
  await expect(page.getByTestId("case-identity")).toContainText("Per E-Mail-Link bestätigt");
  await expect(page.getByTestId("case-persons")).toContainText(lastName);
  await expect(page.getByTestId("step-verify_identity")).toHaveAttribute("data-status", "done");

  const choose = page.getByTestId("step-choose_level");
  await choose.getByRole("button", { name: "Erledigt", exact: true }).click();
  await expect(choose).toHaveAttribute("data-status", "done");

  const erase = page.getByTestId("step-erase");
  await erase.getByRole("button", { name: "Löschen …" }).click();
  const dialog = page.getByRole("dialog", { name: "Diese Person löschen" });
  await dialog.getByLabel(/^Stufe 3:/).check();
  await dialog.getByLabel("Grund").selectOption("request");
  await expect(dialog.getByTestId("erasure-preview")).toBeVisible();
  await dialog.getByLabel("Ich habe die Vorschau geprüft").check();
  await dialog.getByRole("button", { name: "Auf Stufe 3 löschen" }).click();
  await expect(dialog.getByTestId("erasure-result")).toContainText("Auf Stufe 3 gelöscht");
  await dialog.getByRole("button", { name: "Schließen" }).click();
  await expect(erase).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("case-persons")).toContainText("gelöscht (Stufe 3)");

  const recipients = page.getByTestId("step-notify_recipients");
  await recipients.getByRole("button", { name: "Erledigt", exact: true }).click();
  await expect(recipients).toHaveAttribute("data-status", "done");

  // The answer (Art. 12(3)): erased, except what the law keeps; it goes to the verified address.
  const answer = page.getByTestId("step-confirm_to_person");
  await answer.getByLabel("Teilweise entsprochen").check();
  await answer.getByLabel("Gründe").fill("Rechnungen bewahren wir nach § 147 AO zehn Jahre gesperrt auf.");
  await answer.getByRole("button", { name: "Antwort senden" }).click();
  await expect(answer).toHaveAttribute("data-status", "done");
  const caseUrl = page.url();
  // The answer goes to the address the case kept for it, although the person is erased; closing
  // waits until it has left the outbox, then clears that address too.
  const close = page.getByTestId("step-close");
  await close.getByRole("button", { name: "Erledigt", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "wartet noch im Postausgang" })).toBeVisible();
  await expect(async () => {
    await page.goto("/outbox");
    const row = page
      .getByTestId("outbox-row")
      .filter({ hasText: "request-answer" })
      .filter({ hasText: address });
    await expect(row).toContainText("Festgehalten", { timeout: 1000 });
  }).toPass({ timeout: 40_000 });
  await page.goto(caseUrl);
  await page.getByTestId("step-close").getByRole("button", { name: "Erledigt", exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText("Abgeschlossen");
  await page.goto("/outbox");
  await expect(page.getByTestId("outbox-row").filter({ hasText: address })).toHaveCount(0);
});
