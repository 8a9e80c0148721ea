import { expect, type Page, test } from "@playwright/test";
import { createPerson, demoUsers, signIn, uniqueName } from "./fixtures";

// Issue 11: an access request checked in from its e-mail runs through its guided steps to a closed
// case within the deadline; a breach runs from recording through the risk assessment and the
// authority notification to its documentation, with the 72-hour clock on the page.

/** Completes the open step `key` with the generic "Done" button in its card. */
async function done(page: Page, key: string) {
  const step = page.getByTestId(`step-${key}`);
  await expect(step).toHaveAttribute("data-status", "open");
  await step.getByRole("button", { name: "Erledigt", exact: true }).click();
  await expect(step).toHaveAttribute("data-status", "done");
}

test("access request: checked in from an .eml, identity verified, report generated and sent, closed in time", async ({
  page,
}) => {
  await signIn(page, demoUsers.dpo.email);
  const lastName = uniqueName("Anfrage");
  const email = `${lastName.toLowerCase()}@example.test`;
  await createPerson(page, { lastName, email });

  // The person page opens a new request with the person linked.
  await page.getByRole("link", { name: "Neue Anfrage" }).click();
  await expect(page.getByTestId("linked-persons")).toContainText(lastName);

  const received = new Date(Date.now() - 2 * 3_600_000);
  const eml = [
    `From: Erika ${lastName} <${email}>`,
    "To: datenschutz@firma.test",
    `Date: ${received.toUTCString()}`,
    "Subject: Auskunft nach Art. 15 DSGVO",
    "",
    "Bitte teilen Sie mir mit, welche Daten Sie ueber mich speichern.",
  ].join("\r\n");
  await page.getByLabel("Anfrage-E-Mail einchecken (.eml)").setInputFiles({
    name: "auskunft.eml",
    mimeType: "message/rfc822",
    buffer: Buffer.from(eml),
  });
  await expect(page.getByRole("status")).toContainText("Eingecheckt: Auskunft nach Art. 15 DSGVO");
  await expect(page.getByLabel("E-Mail der anfragenden Person")).toHaveValue(email);
  await expect(page.getByLabel("Worum es geht")).toHaveValue(/welche Daten/);
  // The sender's address matched the person already linked: linked once.
  await expect(page.getByTestId("linked-persons").getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Vorgang anlegen" }).click();
  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/DSR-\d{4}-\d{4} · Auskunft/);
  await expect(page.getByTestId("case-due")).toContainText(/noch \d+ Tage/);
  await expect(page.getByTestId("case-documents")).toContainText("auskunft.eml");

  // Nothing is disclosed before the identity is verified (Art. 12(6)).
  await expect(page.getByTestId("step-generate_report")).toHaveAttribute("data-status", "locked");
  await expect(page.getByTestId("step-generate_report")).toContainText("wartet auf die geprüfte Identität");
  const identity = page.getByTestId("step-verify_identity");
  await identity.getByLabel("Methode").selectOption({ label: "Ausweis eingesehen" });
  await identity.getByLabel("Notiz").fill("Personalausweis am Empfang");
  await identity.getByRole("button", { name: "Identität bestätigen" }).click();
  await expect(identity).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("case-identity")).toContainText("Ausweis eingesehen");

  // The report, generated from the case, is linked to it.
  const generate = page.getByTestId("step-generate_report");
  const reports = generate.getByTestId("access-reports");
  await reports.getByRole("button", { name: "Vorschau…" }).click();
  await reports.getByRole("button", { name: "PDF erzeugen" }).click();
  await expect(reports.locator("tr[data-status]").first()).toHaveAttribute("data-status", "generated");
  await done(page, "generate_report");
  await expect(page.getByTestId("case-documents")).toContainText(".pdf");
  await done(page, "review_report");

  const send = page.getByTestId("step-send_report").getByTestId("access-reports");
  page.once("dialog", (dialog) => dialog.accept());
  await send.locator("tr[data-status]").first().getByRole("button", { name: "An die Person senden" }).click();
  await expect(send.locator("tr[data-status]").first()).toHaveAttribute("data-status", "sent");
  await done(page, "send_report");
  await done(page, "close");
  await expect(page.getByTestId("case-status")).toHaveText("Abgeschlossen");
  await expect(page.getByTestId("case-history")).toContainText("Vorgang geschlossen");

  // The list: closed, not overdue.
  await page.goto("/requests");
  await page.getByRole("tab", { name: "Abgeschlossen" }).click();
  await expect(page.getByTestId("request-row").filter({ hasText: "Auskunft" }).first()).toContainText(
    "abgeschlossen",
  );
});

test("breach: recorded with a linked person, high risk, the authority notified within 72 hours, documented", async ({
  page,
}) => {
  await signIn(page, demoUsers.dpo.email);
  const lastName = uniqueName("Panne");
  const email = `${lastName.toLowerCase()}@example.test`;
  await createPerson(page, { lastName, email });

  await page.goto("/incidents/new");
  await page.getByLabel("Titel").fill("Laptop mit CRM-Export verloren");
  await page.getByLabel("Was ist passiert").fill("Ein unverschlüsselter Laptop wurde im Zug vergessen.");
  await page.getByLabel("Datenkategorien (eine pro Zeile)").fill("Kontaktdaten\nBankverbindungen");
  await page.getByLabel("Betroffene Personen (ca.)").fill("120");
  await page.getByLabel("Person nach Name oder E-Mail suchen").fill(lastName);
  await page.getByRole("button", { name: "Verknüpfen" }).click();
  await expect(page.getByTestId("linked-persons")).toContainText(lastName);
  await page.getByRole("button", { name: "Datenpanne erfassen" }).click();
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/INC-\d{4}-\d{4}/);
  await expect(page.getByTestId("incident-clock")).toContainText(/noch (71|72) Stunden/);
  await expect(page.getByTestId("case-persons")).toContainText(lastName);
  const incidentUrl = page.url();
  const number = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/INC-\d{4}-\d{4}/)?.[0];

  // The dashboard shows the open breach with its clock, and the traffic lights with their trend.
  await page.getByRole("link", { name: "Übersicht" }).click();
  const tile = page.getByTestId("tile-incidents");
  await expect(tile.getByRole("listitem").filter({ hasText: number! })).toContainText(/noch (71|72) Stunden/);
  await expect(page.getByTestId("tile-lights").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("tile-requests")).toContainText(/\d+ offen, \d+ überfällig/);
  await tile.getByRole("link", { name: number! }).click();
  await expect(page).toHaveURL(incidentUrl);

  await done(page, "contain");
  const assess = page.getByTestId("step-assess_risk");
  await assess.getByLabel("Hohes Risiko").check();
  await assess.getByLabel("Begründung").fill("Bankverbindungen unverschlüsselt: Missbrauch wahrscheinlich.");
  await assess.getByRole("button", { name: "Bewertung speichern" }).click();
  await expect(assess).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("incident-risk")).toContainText(
    "Erforderlich: Meldung an die Aufsichtsbehörde (Art. 33), Benachrichtigung der Betroffenen (Art. 34)",
  );

  const notify = page.getByTestId("step-notify_authority");
  // Required now: no skipping.
  await expect(notify.getByRole("button", { name: "Überspringen…" })).toHaveCount(0);
  // The Art. 33(3) notification to file with the authority.
  const pdfHref = await notify.getByTestId("authority-notification-de").getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/INC-\d{4}-\d{4}-authority\.pdf/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await notify.getByRole("button", { name: "Erledigt" }).click();
  await expect(notify).toHaveAttribute("data-status", "done");
  await expect(page.getByText(/Behörde gemeldet/).first()).toBeVisible();

  // Art. 34: the mass notice, a bulk job with its progress; the step completes when it is done.
  const subjects = page.getByTestId("step-notify_data_subjects");
  await subjects.getByRole("button", { name: "Betroffene benachrichtigen (Art. 34)…" }).click();
  await expect(page.getByTestId("subjects-confirm-text")).toContainText(
    "1 Person erhält die Benachrichtigung",
  );
  await page.getByRole("button", { name: "1 Benachrichtigung senden" }).click();
  await expect(subjects).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  // The notice reached the outbox, addressed to the linked person.
  await page.goto("/outbox");
  await expect(
    page.getByTestId("outbox-row").filter({ hasText: "breach-notice" }).filter({ hasText: email }),
  ).toHaveCount(1);
  await page.goto(incidentUrl);
  await done(page, "document");
  await expect(page.getByTestId("case-history")).toContainText("Vorgang geschlossen");
});
