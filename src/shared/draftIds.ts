/**
 * Draft ids, the one statement of their rules. The renderer names each draft with them, the IPC contract
 * checks every id it carries against them, and main's draft store names the draft's files after the id.
 * So an id is a file name every system can hold: letters, digits and `._-`, at most 120 characters, not
 * starting with a dot, never containing the store's temporary-file marker (leftover temporary files are
 * removed at start, so such a draft would be deleted), and never a Windows device name such as `CON` or
 * `nul.x`.
 */

const DRAFT_ID_MAX_LENGTH = 120;

/** Part of the name of every temporary file the draft store writes; compared without regard to case. */
export const DRAFT_TEMP_MARKER = '.tmp-';

const ID_SHAPE = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Windows device names: `CON.json` or `nul.x.json` cannot be a file there, whatever follows the dot. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function isDraftId(id: unknown): id is string {
  return (
    typeof id === 'string' &&
    id.length <= DRAFT_ID_MAX_LENGTH &&
    ID_SHAPE.test(id) &&
    !id.toLowerCase().includes(DRAFT_TEMP_MARKER) &&
    !WINDOWS_RESERVED.test(id.split('.')[0] ?? '')
  );
}

/** A method name in the id alphabet: every other character becomes `_`. */
function idSafe(method: string): string {
  return method.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The draft of a document screen: its header, grid and cursor. */
export function draftIdFor(method: string): string {
  return `doc.${idSafe(method)}`.slice(0, DRAFT_ID_MAX_LENGTH);
}

/** The draft of a document's scan mode (its scan state), kept beside the document's own draft. */
export function scanDraftIdFor(method: string): string {
  return `scan.${idSafe(method)}`.slice(0, DRAFT_ID_MAX_LENGTH);
}
