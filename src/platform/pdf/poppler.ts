import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Poppler's command-line tools (Debian package poppler-utils), used by tests to read back what a
 * rendered PDF shows. A missing tool fails loudly rather than skipping the check.
 */
function runOnPdf(tool: 'pdftotext' | 'pdfinfo', args: readonly string[], pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-pdf-'));
  const file = join(dir, 'document.pdf');
  try {
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install it with \`apt-get install -y poppler-utils\``);
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page, in reading order. */
export function pdfPages(pdf: Buffer): string[] {
  const text = runOnPdf('pdftotext', ['-enc', 'UTF-8'], pdf);
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}

/** pdfinfo's fields (Title, Pages, Tagged, JavaScript …) as strings. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of runOnPdf('pdfinfo', ['-enc', 'UTF-8'], pdf).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) info[match[1]] = match[2];
  }
  return info;
}

/** The tagged structure as pdfinfo prints it: one element per line, indented by depth, with its text. */
export function pdfStructure(pdf: Buffer): string {
  return runOnPdf('pdfinfo', ['-struct-text'], pdf);
}
