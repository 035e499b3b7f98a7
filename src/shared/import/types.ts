/**
 * What the import pipeline hands back. Everything here is plain data (structured-clone safe), so a Web
 * Worker can post it to the UI and the CLI can print it.
 */
import type { CatalogImportRow } from '../catalog';
import type { CleanRecord } from '../spec';

/**
 * What the file is imported into: the document's detail lines, the SN lists of those lines, or the local
 * catalog (an ERP goods-list export: 商家编码, 货品名称, 规格名称, 条码), which needs no document.
 */
export type ImportTarget = 'lines' | 'sns' | 'catalog';

type ImportPhase = 'reading' | 'checking';

export interface ImportProgress {
  readonly phase: ImportPhase;
  /** Data rows checked so far; 0 while reading (reading is one indivisible step). */
  readonly done: number;
  /** Data rows in the sheet; 0 while reading, when it is not known yet. */
  readonly total: number;
}

/** One problem, located as the user sees the spreadsheet. */
export interface ImportProblem {
  /** The spreadsheet's own row number (1-based, as Excel shows it); null for a problem with the whole file. */
  readonly row: number | null;
  /** The column's header text as written in the file (or the field's label); null when no column applies. */
  readonly column: string | null;
  /** For people, in Chinese. */
  readonly message: string;
}

/** A detail line read from the sheet. */
export interface ImportedLine {
  readonly sheetRow: number;
  /** The values as the grid holds them: text keyed by field key (code columns exactly as displayed). */
  readonly raw: Readonly<Record<string, string>>;
  /** The checked values (fields that failed their check are absent). */
  readonly clean: CleanRecord;
}

/** The SNs of one product (or of the single line when the sheet has no product column). */
export interface SnGroup {
  readonly specNo: string | null;
  readonly sns: readonly string[];
  /** Spreadsheet rows the SNs came from, first to last. */
  readonly sheetRows: readonly number[];
}

/** A detail line the SN counts are checked against (provided by the caller, e.g. the open document). */
export interface LineQuantity {
  readonly specNo: string;
  readonly quantity: number | null;
}

/** How a column of the file was understood. */
interface ColumnMapping {
  /** 0-based column index in the sheet. */
  readonly index: number;
  readonly header: string;
  /** The field key it maps to, or null when the column is ignored (行号, 错误原因, anything unknown). */
  readonly key: string | null;
}

/**
 * The user's column mapping: each sheet header (as written; compared ignoring spaces, width and case) to a
 * field key, or null for 忽略. Headers left out keep their automatic mapping.
 */
export type ColumnChoices = Readonly<Record<string, string | null>>;

/** Given when required columns could not be matched, so the user can map them instead of giving up. */
export interface MappingNeed {
  /** The set of headers, to remember the user's mapping by (see headerSignature). */
  readonly signature: string;
  /** The sheet's headers, left to right. */
  readonly headers: readonly string[];
  /** The field key each header was matched to automatically, or null. */
  readonly suggested: readonly (string | null)[];
  /** The first data rows, one text per header. */
  readonly preview: readonly (readonly string[])[];
  /** The fields a column may be mapped to. */
  readonly fields: readonly { readonly key: string; readonly label: string; readonly required: boolean }[];
}

export interface ImportResult {
  readonly target: ImportTarget;
  readonly fileName: string;
  /** Empty when the file itself was refused (see `problems`). */
  readonly sheetName: string;
  /** 1-based row number of the header row; 0 when none was found. */
  readonly headerRow: number;
  readonly columns: readonly ColumnMapping[];
  /** Non-blank data rows read. */
  readonly rowsRead: number;
  /** Detail lines (target 'lines'); empty for 'sns'. */
  readonly lines: readonly ImportedLine[];
  /** SN groups (target 'sns'); empty for 'lines'. */
  readonly snGroups: readonly SnGroup[];
  /** Catalog products, one per 商家编码 with every barcode collected (target 'catalog' only). */
  readonly products?: readonly CatalogImportRow[];
  /** Every problem at once, in sheet order; file-level problems (row null) first. */
  readonly problems: readonly ImportProblem[];
  /**
   * What the user should know that is no problem: columns ignored (已忽略), template example rows skipped
   * (已跳过示例行). Shown in the summary; never blocks the import.
   */
  readonly notices: readonly string[];
  /** Present when required columns are missing: the user maps the columns and imports again. */
  readonly mapping?: MappingNeed;
}

/** The text for the field, and why it cannot be used when it cannot (the text is still kept for reports). */
export interface CellReading {
  readonly text: string;
  readonly problem?: string;
}
