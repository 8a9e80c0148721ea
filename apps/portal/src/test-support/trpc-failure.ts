import type { Language } from "@purposeful/domain";
import { TRPCError } from "@trpc/server";
import { errorMessage } from "../server/errors";

/** What a procedure's caller sees when it fails: `CODE: message in the user's language`. */
export async function failure(promise: Promise<unknown>, locale: Language = "en"): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return error instanceof TRPCError ? `${error.code}: ${errorMessage(error, locale)}` : String(error);
  }
}
