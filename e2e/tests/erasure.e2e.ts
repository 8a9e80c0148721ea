import { expect, type Page, test } from "@playwright/test";
import { createPerson, demoUsers, recordConsentByLetter, signIn, uniqueName } from "./fixtures";

/** On an open person page: a contract begins (Art. 6(1)(b)), recorded from a letter. */
async function startContract(page: Page): Promise<void> {
  const panel = page.getByRole("region", { name: "Einwilligung, Widerruf oder Änderung erfassen" });
  const purposeSelect = panel.getByLabel("Zweck");
  const purpose = await purposeSelect
    .locator("option", { hasText: "Vertragserfüllung" })
    .getAttribute("value");
  await purposeSelect.selectOption(purpose ?? "");
  await panel.getByLabel("Was ist passiert").selectOption("activate");
  await panel.getByLabel("Wie es uns erreicht hat").selectOption("letter");
  await panel.getByRole("button", { name: "Speichern" }).click();
  await expect(panel.getByText(/Gespeichert: Vertragserfüllung/)).toBeVisible();
}

/** Opens "Löschen …", picks the level and reason; returns the dialog with its preview loaded. */
async function openErasure(page: Page, level: 1 | 2 | 3, reason: string) {
  await page.getByRole("button", { name: "Löschen …" }).click();
  const dialog = page.getByRole("dialog", { name: "Diese Person löschen" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(new RegExp(`^Stufe ${level}:`)).check();
  await dialog.getByLabel("Grund").selectOption(reason);
  await expect(dialog.getByTestId("erasure-preview")).toBeVisible();
  return dialog;
}

/** The destructive button is enabled only after the preview is confirmed as checked. */
async function confirmAndErase(dialog: ReturnType<Page["getByRole"]>, level: number): Promise<void> {
  const submit = dialog.getByRole("button", { name: `Auf Stufe ${level} löschen` });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel("Ich habe die Vorschau geprüft").check();
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(dialog.getByTestId("erasure-result")).toContainText(`Auf Stufe ${level} gelöscht`);
}

test("level 1 from the person page: the preview names the steps and the contract that stays; blocks are set", async ({
  page,
}) => {
  await signIn(page, demoUsers.staff.email);
  await createPerson(page, { lastName: uniqueName("Stufeeins"), email: `${uniqueName("s1")}@example.com` });
  await recordConsentByLetter(page, "Produktumfragen", "Brief vom 20.11.2026, unterschrieben");
  await startContract(page);

  const dialog = await openErasure(page, 1, "request");
  // Staff may run level 1 only; the others say which role they need.
  await expect(dialog.getByLabel(/^Stufe 2:/)).toBeDisabled();
  await expect(dialog.getByLabel(/^Stufe 3:/)).toBeDisabled();
  await expect(dialog.getByText("Erfordert die Rolle: Marketing")).toBeVisible();
  await expect(dialog.getByText("Erfordert die Rolle: Datenschutzbeauftragte(r)")).toBeVisible();

  const preview = dialog.getByTestId("erasure-preview");
  await expect(preview).toContainText("1 Einwilligung widerrufen");
  await expect(preview).toContainText("Widerspruch gegen Direktwerbung auf allen Kanälen erfassen");
  await expect(preview.getByTestId("erasure-kept")).toContainText(
    "Diese Datensätze bleiben: Vertrag (1). Ein laufender Vertrag oder eine Aufbewahrungspflicht endet nicht, weil die Person es verlangt.",
  );
  await expect(preview.getByTestId("erasure-recipients")).toContainText("tax advisor");

  await confirmAndErase(dialog, 1);
  await expect(dialog.getByTestId("erasure-recipients")).toContainText("tax advisor");
  await dialog.getByRole("button", { name: "Empfänger als informiert markieren" }).click();
  await expect(dialog.getByText("Empfänger als informiert markiert.")).toBeVisible();
  await dialog.getByRole("button", { name: "Schließen" }).click();

  await expect(page.getByTestId("erasure-badge")).toContainText("Gelöscht (Stufe 1) am");
  const master = page.getByRole("region", { name: "Stammdaten" });
  await expect(master).toContainText("E-Mail, Telefon, Post, SMS, Profiling");
  const purposes = page.getByRole("region", { name: "Zwecke und Rechtsgrundlagen" });
  await expect(purposes.getByRole("row").filter({ hasText: "Vertragserfüllung" })).toBeVisible();
  const history = page.getByTestId("erasure-history");
  await expect(history.getByRole("row").filter({ hasText: "Sabine Vertrieb" })).toContainText(
    /Die Person hat die Löschung verlangt.*informiert am/s,
  );
});

test("level 2 by marketing deletes phone and address; the primary e-mail address stays", async ({ page }) => {
  const email = `${uniqueName("s2")}@example.com`;
  await signIn(page, demoUsers.marketing.email);
  await createPerson(page, { lastName: uniqueName("Stufezwei"), email });
  const communication = page.getByRole("region", { name: "Kommunikationsdaten" });
  await communication.getByRole("button", { name: "Telefonnummer hinzufügen" }).click();
  await communication.getByLabel("Telefonnummer").fill("+49 40 7654321");
  await communication.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(communication).toContainText("+49 40 7654321");
  await communication.getByRole("button", { name: "Adresse hinzufügen", exact: true }).click();
  await communication.getByLabel("Straße und Hausnummer").fill("Lindenweg 7");
  await communication.getByLabel("Postleitzahl").fill("20095");
  await communication.getByLabel("Ort").fill("Hamburg");
  await communication.getByLabel(/^Land/).fill("DE");
  await communication.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(communication).toContainText("Lindenweg 7");

  const dialog = await openErasure(page, 2, "objection");
  const preview = dialog.getByTestId("erasure-preview");
  await expect(preview).toContainText("1 Telefonnummer löschen");
  await expect(preview).toContainText("1 Postadresse löschen");
  await expect(preview).toContainText("Eine primäre E-Mail-Adresse bleibt");
  await confirmAndErase(dialog, 2);
  await dialog.getByRole("button", { name: "Schließen" }).click();

  await expect(page.getByTestId("erasure-badge")).toContainText("Gelöscht (Stufe 2) am");
  await expect(communication).not.toContainText("+49 40 7654321");
  await expect(communication).not.toContainText("Lindenweg 7");
  await expect(communication).toContainText(email);
});

test("level 3 as DPO: the preview shows the held invoice and evidence with their law; the person becomes an erased person, and the address warns", async ({
  page,
  browser,
}) => {
  // Uploading, erasing and a second browser take longer on the embedded database.
  test.setTimeout(120_000);
  const email = `${uniqueName("s3")}@example.com`;
  await signIn(page, demoUsers.dpo.email);
  const url = await createPerson(page, { lastName: uniqueName("Stufedrei"), email });
  await recordConsentByLetter(page, "Produktumfragen", "Brief vom 21.11.2026, unterschrieben");
  // An invoice: an accounting voucher, kept eight years from the end of its year (HGB §257, AO §147).
  const documents = page.getByRole("region", { name: "Dokumente" });
  await documents.getByRole("button", { name: "Dokument hochladen" }).click();
  await documents.getByLabel("Datei").setInputFiles({
    name: "rechnung-2025-017.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Rechnung 2025-017 über 120,00 EUR"),
  });
  await documents.getByLabel("Aufbewahrung").selectOption("accounting_vouchers");
  await documents.getByLabel("Datum, ab dem die Frist zählt").fill("2025-03-01");
  await documents.getByRole("button", { name: "Hochladen" }).click();
  await expect(documents).toContainText("rechnung-2025-017.txt");

  const dialog = await openErasure(page, 3, "request");
  const preview = dialog.getByTestId("erasure-preview");
  await expect(preview).toContainText("Person anonymisieren");
  await expect(preview).toContainText("Schlüssel der Person vernichten");
  await expect(preview).toContainText("nur als verschlüsselten Hash auf die Sperrliste setzen");
  // The proof of the consent outlives the erasure, restricted, with its law and end date: product
  // surveys run by phone too, so five years after it ended (§7a UWG).
  const held = preview.getByTestId("erasure-held").locator('[data-hold="phone_consent_evidence"]');
  await expect(held).toContainText("Einwilligungsnachweis: Nachweis einer Einwilligung in Telefonwerbung");
  await expect(held).toContainText("(§7a UWG; §195, §199(1) BGB)");
  await expect(held).toContainText(/aufbewahrt bis \d{1,2}\. \p{L}+ 20\d\d/u);
  const invoice = preview.getByTestId("erasure-held").locator('[data-hold="accounting_vouchers"]');
  await expect(invoice).toContainText("Dokument: Buchungsbeleg, 8 Jahre aufzubewahren (HGB §257(1) no. 4");
  await expect(invoice).toContainText("aufbewahrt bis 1. Januar 2034");
  await confirmAndErase(dialog, 3);
  // The result stays until the dialog is closed, although the refreshed page has no "Erase…" any more.
  await expect(dialog.getByTestId("erasure-recipients")).toContainText(
    "Kein Empfänger muss informiert werden.",
  );
  await dialog.getByRole("button", { name: "Schließen" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gelöschte Person");
  await expect(page.getByTestId("erasure-badge")).toContainText("Gelöscht (Stufe 3) am");
  await expect(page.getByRole("button", { name: "Stammdaten bearbeiten" })).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Einwilligung, Widerruf oder Änderung erfassen" }),
  ).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Löschen …" })).toHaveCount(0);
  const heldItems = page.getByTestId("held-items");
  await expect(heldItems).toContainText(/aufbewahrt bis .*§7a UWG/);
  await expect(heldItems.locator('[data-held="document"]')).toContainText(
    /rechnung-2025-017\.txt – aufbewahrt bis 1\. Januar 2034 \(HGB §257/,
  );
  // The held invoice is not listed among the ordinary documents, and nothing can be added any more.
  await expect(documents).not.toContainText("rechnung-2025-017.txt");
  await expect(documents.getByRole("button", { name: "Dokument hochladen" })).toHaveCount(0);

  // Staff never receive the held evidence.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demoUsers.staff.email);
  await staff.goto(url);
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Gelöschte Person");
  await expect(staff.getByTestId("held-items")).toHaveCount(0);
  await expect(staff.getByText("rechnung-2025-017.txt")).toHaveCount(0);
  await staffContext.close();

  // The persons list names the row "Erased person" (the names are gone, so it sorts first).
  await page.goto("/persons");
  await expect(page.getByRole("link", { name: "Gelöschte Person" }).first()).toBeVisible();

  // Creating the contact again warns that an erased contact used the address.
  await page.goto("/persons/new");
  await page.getByLabel("Vorname", { exact: true }).fill("Erika");
  await page.getByLabel("Nachname", { exact: true }).fill(uniqueName("Wieder"));
  await page.getByLabel(/^E-Mail/).fill(email);
  await expect(page.getByTestId("suppression-warning")).toContainText(
    "Ein gelöschter Kontakt hat diese Adresse am",
  );
});
