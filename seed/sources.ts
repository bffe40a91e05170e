/**
 * The five source pages in /work/shared/seeds (copies of county boards' web pages). None carries a
 * publication date, so `period` says honestly which time the text speaks of, judged from its content.
 */
export const sources = {
  stockholm: { ref: 'seed 000', period: 'Texten avser hösten 2022 (utlysningen 1–29 september 2022)' },
  vastraGotaland: {
    ref: 'seed 001',
    period: 'Texten avser 2022 (hösten 2022: båda ansökningsperioderna 2022 är avslutade, beslut meddelas 18 november 2022)',
  },
  jamtland: { ref: 'seed 002', period: 'Texten avser 2019 (projekt beviljade för 2018–2019)' },
  ostergotland: { ref: 'seed 003', period: 'Texten avser hösten 2023 (årets andra utlysning, september 2023)' },
  orebro: { ref: 'seed 004', period: 'Texten avser 2018 (ansökningsperioden som avslutades i april 2018, rådets möten hösten 2018)' },
} as const;

/** Rows whose source_ref starts with this came from the seeds; anything else was entered in the service. */
export const SEED_REF_PREFIX = 'seed ';
