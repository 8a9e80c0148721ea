import "./globals.css";

// Reached only outside a valid locale (e.g. /xx.txt), where no translations are loaded: both languages.
export default function GlobalNotFound() {
  return (
    <html lang="de">
      <body className="min-h-screen bg-white font-sans text-slate-900">
        <main className="mx-auto max-w-2xl space-y-4 px-6 py-10">
          <h1 className="text-3xl font-bold">Seite nicht gefunden</h1>
          <p>
            <a href="/de" className="text-blue-800 underline underline-offset-4">
              Zur Startseite
            </a>
          </p>
          <section lang="en" aria-label="English" className="space-y-4">
            <h2 className="text-2xl font-bold">Page not found</h2>
            <p>
              <a href="/en" className="text-blue-800 underline underline-offset-4">
                Go to the start page
              </a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
