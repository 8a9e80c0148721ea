import { openDocument } from "@purposeful/db";
import { DomainError } from "@purposeful/domain";
import { z } from "zod";
import { procedureFor, router } from "../../trpc";

export const documentIdInput = z.object({ documentId: z.uuid() });

export const documentsRouter = router({
  /**
   * A document's facts for its page (not the file: that is `GET /api/documents/{id}`), for dpo,
   * admin and its uploader; the view is audited.
   */
  view: procedureFor("staff")
    .input(documentIdInput)
    .query(async ({ ctx, input }) => {
      const document = await openDocument(ctx.db, {
        documentId: input.documentId,
        viewer: ctx.user,
        via: "page",
        at: ctx.now(),
      });
      if (!document) throw new DomainError("not_found", "document_not_found");
      const { content: _content, ...facts } = document;
      return facts;
    }),
});
