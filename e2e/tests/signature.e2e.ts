import { expect, test } from "@playwright/test";
import { demoPassword, demoUsers, signIn } from "./fixtures";

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

test("at a trade fair the tablet runs in kiosk mode: a new visitor is created, ticks two purposes and signs; leaving asks for the password; the person page shows the consents and the signature", async ({
  page,
}) => {
  await signIn(page, demoUsers.staff.email);
  await page.goto("/signature");
  await expect(page.getByRole("heading", { name: "Einwilligung per Unterschrift" })).toBeVisible();
  // Kiosk mode is on once the lookup shows; the visitor's screen has no staff navigation.
  await expect(page.getByRole("heading", { name: "Wer unterschreibt?" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" })).toHaveCount(0);
  await expect(page.getByTestId("kiosk-user")).toContainText(demoUsers.staff.name);
  // A staff page sends the kiosk back to the tablet.
  await page.goto("/persons");
  await expect(page).toHaveURL(/\/signature$/);
  await expect(page.getByRole("heading", { name: "Wer unterschreibt?" })).toBeVisible();

  // (a) The exact e-mail address finds no one, so the visitor is created with it.
  const lastName = `Messebesuch${Date.now()}`;
  const email = `${lastName.toLowerCase()}@example.com`;
  const emailField = page.getByLabel("Ihre E-Mail-Adresse");
  await emailField.fill(email);
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByText("Niemand mit dieser E-Mail-Adresse.")).toBeVisible();
  await page.getByRole("button", { name: "Neue Person" }).click();
  const form = page.getByTestId("create-person");
  await expect(form.getByLabel("E-Mail (optional)")).toHaveValue(email);
  await form.getByLabel("Vorname", { exact: true }).fill("Mara");
  await form.getByLabel("Nachname", { exact: true }).fill(lastName);
  const created = page.waitForResponse(
    (response) => response.url().includes("kiosk.createPerson") && response.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Person anlegen" }).click();
  const body = (await (await created).json()) as Array<{ result: { data: { json: { id: string } } } }>;
  const personId = body[0]!.result.data.json.id;
  await expect(page.getByTestId("signing-for")).toContainText(`Mara ${lastName}`);

  // (b) One purpose per checkbox, nothing ticked in advance (Art. 7(2) GDPR).
  const events = page.getByRole("checkbox", { name: /^Einladungen zu Veranstaltungen/ });
  const newsletter = page.getByRole("checkbox", { name: /^Newsletter/ });
  await expect(events).not.toBeChecked();
  await expect(newsletter).not.toBeChecked();
  for (const box of await page.getByRole("checkbox").all()) await expect(box).not.toBeChecked();
  await events.check();
  await newsletter.check();

  // (c) Sign with a finger (drawn here with the mouse).
  const confirm = page.getByRole("button", { name: "Bestätigen" });
  await expect(confirm).toBeDisabled();
  const canvas = page.getByTestId("signature-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("signature canvas not visible");
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 40, y);
  await page.mouse.down();
  for (let step = 1; step <= 12; step += 1)
    await page.mouse.move(box.x + 40 + step * 25, y + (step % 2 === 0 ? -30 : 30), { steps: 4 });
  await page.mouse.up();

  // (d) Confirm.
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(page.getByText("Vielen Dank! Ihre Einwilligung wurde erfasst.")).toBeVisible();
  await expect(page.getByTestId("needs-confirmation")).toContainText("Newsletter");
  await page.getByRole("button", { name: "Nächste Person" }).click();
  await expect(page.getByRole("heading", { name: "Wer unterschreibt?" })).toBeVisible();
  await expect(page.getByText(lastName)).toHaveCount(0);

  // The next visitor finds this one only by the whole address (any case), never by name.
  await page.getByLabel("Ihre E-Mail-Adresse").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByRole("button", { name: `Weiter als Mara ${lastName}` })).toBeVisible();

  // Leaving kiosk mode asks for the staff password; a wrong one keeps the kiosk.
  await page.getByRole("button", { name: "Kiosk-Modus beenden" }).click();
  const leave = page.getByTestId("leave-kiosk");
  await leave.getByLabel("Passwort").fill("not the password");
  await leave.getByRole("button", { name: "Beenden" }).click();
  await expect(leave.getByText("Das Passwort ist falsch. Der Kiosk-Modus bleibt aktiv.")).toBeVisible();
  await leave.getByLabel("Passwort").fill(demoPassword);
  await leave.getByRole("button", { name: "Beenden" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();

  // In the portal: both purposes granted by signature, and the signature stored as a document.
  await page.goto(`/persons/${personId}`);
  const purposes = page.getByRole("region", { name: "Zwecke und Rechtsgrundlagen" });
  for (const name of ["Einladungen zu Veranstaltungen", "Newsletter"]) {
    const row = purposes.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("Unterschrift");
    await expect(row).toContainText("Erteilt");
  }
  const documents = page.getByRole("region", { name: "Dokumente" });
  const link = documents.getByRole("link", { name: /^signature-\d{4}-\d{2}-\d{2}\.png$/ });
  await expect(link).toHaveAttribute("href", /^\/documents\/[0-9a-f-]{36}$/);
  await link.click();
  const image = page.getByTestId("document-view").getByRole("img", { name: /signature-.*\.png/ });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
});
