/**
 * The format of the seed's long texts (county pages, priorities, descriptions): blocks separated by
 * a blank line; a block starting "## " is a subheading, a block of lines starting "- " a bulleted
 * list, "1. " a numbered list; any other block is a paragraph.
 */

export const blocks = (...parts: string[]): string => parts.join('\n\n');
export const list = (...items: string[]): string => items.map((i) => `- ${i}`).join('\n');
export const numbered = (...items: string[]): string => items.map((item, i) => `${i + 1}. ${item}`).join('\n');
