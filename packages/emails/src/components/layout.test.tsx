import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { Layout } from "./layout.tsx";

const company = {
  name: "Muster GmbH",
  address: "Hafenstraße 12, 20457 Hamburg",
  privacyContact: "datenschutz@muster.example",
};

describe("Layout", () => {
  it.each([
    ["de", "Datenschutz: datenschutz@muster.example"],
    ["en", "Data protection: datenschutz@muster.example"],
  ] as const)(
    "names the controller and its privacy contact in %s, in HTML and text",
    async (language, contact) => {
      const mail = (
        <Layout language={language} preview="Vorschau" company={company}>
          Inhalt
        </Layout>
      );
      const html = await render(mail);
      const text = await render(mail, { plainText: true });
      expect(html).toContain(`lang="${language}"`);
      expect(html).toContain("Muster GmbH");
      expect(text).toContain(contact);
      expect(text).toContain("Inhalt");
    },
  );
});
