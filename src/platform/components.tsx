import { formatKronor } from './format.ts';
import { defineTexts, type Lang } from './i18n.ts';

// Small view pieces with no domain knowledge, shared by every feature's pages.

const texts = defineTexts({
  sv: { notStated: 'Uppgift saknas' },
  en: { notStated: 'Not stated' },
});

/** An amount in öre as kronor, or "Uppgift saknas" when the source gives none. */
export function Money({ ore, lang }: { ore: number | null; lang: Lang }): JSX.Element {
  if (ore === null) return texts(lang).notStated;
  return (
    <span class="bp-nowrap" safe>
      {formatKronor(ore, lang)}
    </span>
  );
}
