import { extname } from 'node:path';

/** The file types the service receives: documents and scans people commonly have at hand. */
export type AcceptedType = 'pdf' | 'doc' | 'docx' | 'xlsx' | 'odt' | 'tiff' | 'png' | 'jpeg';

/** Why a file's type was refused; each has a text in `storageTexts`. */
export type TypeProblem = 'empty' | 'notAccepted' | 'extensionMismatch';

/** The verdict on a file: its type and the MIME type to serve it with, or why it is refused. */
export type TypeDetection = { ok: true; type: AcceptedType; mime: string } | { ok: false; reason: TypeProblem };

/** The MIME type to serve each type with, and the file name extensions that may carry it. */
export const acceptedTypes: Readonly<Record<AcceptedType, { mime: string; extensions: readonly string[] }>> = {
  pdf: { mime: 'application/pdf', extensions: ['.pdf'] },
  doc: { mime: 'application/msword', extensions: ['.doc'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'] },
  tiff: { mime: 'image/tiff', extensions: ['.tif', '.tiff'] },
  png: { mime: 'image/png', extensions: ['.png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'] },
};

// file-type's names for the accepted types. Macro-enabled Office files (docm, xlsm) and templates
// are detected as their own types and so are refused.
const fromFileType: Readonly<Record<string, AcceptedType>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  odt: 'odt',
  tif: 'tiff',
  png: 'png',
  jpg: 'jpeg',
};

/**
 * Decides a file's type from its bytes, never from the name or the browser's MIME type, which
 * the sender controls. Pass the whole file: a Word 97–2003 document is an OLE2 compound file like
 * .msi installers and .xls sheets, and only its directory (which may sit anywhere in the file)
 * tells them apart. The name's extension must also fit the content, because the person who later
 * opens the file gets the program its extension picks: a "PNG" named `.hta` would run as a program.
 */
export async function detectAcceptedType(content: Buffer, filename: string): Promise<TypeDetection> {
  if (content.length === 0) return { ok: false, reason: 'empty' };
  // Loaded on the first upload rather than at start (together about 0.1 s).
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(content);
  const type = detected?.ext === 'cfb' ? ((await isWordDocument(content)) ? 'doc' : undefined) : fromFileType[detected?.ext ?? ''];
  if (!type) return { ok: false, reason: 'notAccepted' };
  const { mime, extensions } = acceptedTypes[type];
  if (!extensions.includes(extname(filename).toLowerCase())) return { ok: false, reason: 'extensionMismatch' };
  return { ok: true, type, mime };
}

/** A compound file is a Word document when it holds a `WordDocument` stream at its root ([MS-DOC] 2.1). */
async function isWordDocument(content: Buffer): Promise<boolean> {
  const { default: CFB } = await import('cfb');
  try {
    const entry = CFB.find(CFB.read(content, { type: 'buffer' }), '/WordDocument');
    return entry !== null && entry.type === STREAM_ENTRY;
  } catch {
    // A damaged or truncated compound file is not a document anyone can open either.
    return false;
  }
}

const STREAM_ENTRY = 2;
