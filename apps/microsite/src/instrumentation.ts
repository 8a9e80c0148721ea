// Runs once when the server starts (never during `next build`): a production server without its
// required secrets (AUDIT_KEK) exits here instead of answering every request with an error.
export async function register(): Promise<void> {
  const { assertProductionSecrets } = await import("./env");
  try {
    assertProductionSecrets();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // The edge runtime has no process to end; there the error itself stops the server.
    if (typeof process.exit === "function") process.exit(1);
    throw error;
  }
}
