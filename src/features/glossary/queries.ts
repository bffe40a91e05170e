import type { DbOrTx } from '../../db/client.ts';
import { glossaryEntries } from '../../db/schema/index.ts';

export interface GlossaryEntry {
  slug: string;
  headword: string;
  headwordIsEditorial: boolean;
  definition: string;
  sourceRef: string;
  editorialNote: string | null;
}

/** Every glossary entry, in no particular order: the page sorts them by Swedish collation. */
export async function listGlossaryEntries(db: DbOrTx): Promise<GlossaryEntry[]> {
  return db
    .select({
      slug: glossaryEntries.slug,
      headword: glossaryEntries.headword,
      headwordIsEditorial: glossaryEntries.headwordIsEditorial,
      definition: glossaryEntries.definition,
      sourceRef: glossaryEntries.sourceRef,
      editorialNote: glossaryEntries.editorialNote,
    })
    .from(glossaryEntries);
}
