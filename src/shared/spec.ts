/**
 * The shape of a document spec: one declarative description per vendor method, from which the form, the
 * grid, validation, the Excel template and the request body are all derived. Pure types; the logic that
 * interprets a spec lives in validate.ts (checking and normalizing) and args.ts (positional arguments).
 */
import type { CatalogKind } from './catalog';

/** One choice of an enumerated field, as the vendor page lists it. */
export interface EnumOption {
  readonly value: number;
  readonly label: string;
}

/**
 * Whether a number must be greater than 0. 'required' only where the vendor says so (PurchaseOrder's
 * discount: "折扣应大于0"); 'expected' where a page is silent but 0 or less is almost surely a slip (a
 * quantity), which earns a notice and is sent if the user keeps it.
 */
export type PositiveRule = 'required' | 'expected';

/**
 * How a field's value is checked and sent. Each vendor page keeps its own types (`num` is Int on one page and
 * Decimal(19,4) on another; `defect` is boolean on one and 0/1 on another), so the kind says what goes on
 * the wire, not what the concept is.
 */
export type FieldType =
  /**
   * Text; `maxLength` counts characters (code points), as the vendor pages give lengths. `format` is a date
   * shape the page states (refused otherwise). `dateLike` marks text the page leaves as String but that
   * holds a date (有效期): dates typed as 2024/5/20 are sent as yyyy-MM-dd, other text is sent with a notice.
   */
  | {
      readonly kind: 'string';
      readonly maxLength?: number;
      readonly format?: 'datetime' | 'date';
      readonly dateLike?: boolean;
    }
  /** Whole number sent as a JSON number; `maxDigits` is the page's length column (Int 11). */
  | { readonly kind: 'int'; readonly maxDigits?: number; readonly positive?: PositiveRule }
  /** Decimal(precision, scale) sent as a JSON number. */
  | {
      readonly kind: 'decimal';
      readonly precision: number;
      readonly scale: number;
      readonly positive?: PositiveRule;
    }
  /** JSON true/false. */
  | { readonly kind: 'boolean' }
  /** An Int that is 0 or 1. */
  | { readonly kind: 'flag' }
  /** An Int chosen from a list. */
  | { readonly kind: 'enum'; readonly options: readonly EnumOption[] }
  /**
   * A list of serial numbers. `wire: 'comma'` sends one String joined by "," (OuterOut); `wire: 'array'`
   * sends List<String> (uploadSN). Internally always a string array.
   */
  | { readonly kind: 'snList'; readonly wire: 'comma' | 'array' };

export interface FieldSpec {
  readonly key: string;
  /** Chinese label, as on the vendor page. */
  readonly label: string;
  /** The type exactly as the vendor page writes it: "Int", "Decimal(19,4)", "boolean", "List<String>"… */
  readonly vendorType: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** The vendor's description, shown as help text. */
  readonly help: string;
  /** Identifier column (spec_no, SN, batch, position, order numbers): Excel reads it as displayed text. */
  readonly code?: boolean;
  /** Value the form starts with; the ERP's own default is described in `help`. */
  readonly initial?: string | number | boolean;
  /**
   * Other words people and the ERP use for this field besides `label` (商家编码 for spec_no, 数量 for a
   * quantity, SN码 for serial numbers). Spreadsheet import, paste with headers and the template's notes map
   * a column by its label, its key or any of these words.
   */
  readonly words?: readonly string[];
  /**
   * What the field holds in the local catalog (issue #14): names beside the code, autocomplete and a notice
   * when the code is missing. Help only; it adds no validation rule, since the catalog may be out of date.
   */
  readonly catalog?: CatalogKind;
  /**
   * Marks a line's 0/1 switch for its SNs (OuterOut's 是否开启序列号): the line's SN list is used only where
   * it is 1, so the scan views offer SN scanning line by line, on the lines that have it on.
   */
  readonly snSwitch?: boolean;
}

/** A value as the form, a spreadsheet or a JSON file gives it, before checking. */
export type RawValue = string | number | boolean | readonly string[] | null | undefined;
export type RawRecord = Readonly<Record<string, RawValue>>;

/** A document being edited: header fields (including positional flags) and detail lines. */
export interface DocumentDraft {
  readonly header: RawRecord;
  readonly lines: readonly RawRecord[];
}

/** A checked value, typed as the wire wants it. Absent optional fields are left out entirely. */
export type CleanValue = string | number | boolean | readonly string[];
export type CleanRecord = Readonly<Record<string, CleanValue>>;

export interface NormalizedDocument {
  readonly header: CleanRecord;
  readonly lines: readonly CleanRecord[];
}

/** Where a problem is: a header field, a detail line (0-based row) and maybe its field, or the lines as a whole. */
export type ProblemPath =
  | { readonly area: 'header'; readonly field: string }
  | { readonly area: 'lines'; readonly row?: number; readonly field?: string };

/** A repair the screen can offer with one click. Plain data, so it survives the trip from main. */
export type ProblemFix =
  /** Merge these detail rows (0-based, ascending) into the first of them: see documents/mergeLines.ts. */
  { readonly kind: 'mergeLines'; readonly rows: readonly number[] };

export interface Problem {
  readonly path: ProblemPath;
  /** For people, in Chinese. */
  readonly message: string;
  /** Errors block sending; warnings (notices) are shown and sent anyway. */
  readonly severity: 'error' | 'warning';
  readonly fix?: ProblemFix;
}

/**
 * What makes two detail lines "the same stock" for the ERP. Lines equal in every identity field are refused
 * whatever the seller's settings (货品列表中有相同商家编码、货位、批次、有效期的货品); lines sharing only the
 * product are accepted or refused by the setting 允许添加相同的货品（货位、批次、有效期不同）.
 */
export interface LineIdentity {
  /** The product field (商家编码) first, then whichever of 货位, 批次, 有效期, 残次品 the page has. */
  readonly fields: readonly [FieldSpec, ...FieldSpec[]];
  /** Added up when equal lines are merged. */
  readonly quantity?: FieldSpec;
  /** Joined when equal lines are merged. */
  readonly sns?: FieldSpec;
}

/** A rule across fields, run on a document whose fields each passed their own checks. */
export type CrossRule = (doc: NormalizedDocument) => readonly Problem[];

/** How the response's `data` names what was created. */
export type ResponseShape =
  /** `data: {status, message}`: message is the new document number when status is 0; 20 = approval failed. */
  | 'statusMessage'
  /** `data: {transfer_no}`. */
  | 'transferNo'
  /** `data: {message: "OK"}`, which the vendor says not to rely on. */
  | 'ack';

export interface DocumentSpec {
  readonly method: string;
  /** Chinese title from the vendor page, e.g. 外仓调整出库单创建. */
  readonly title: string;
  /** The header object's argument name on the vendor page: order, params, orderInfo. */
  readonly headerArg: string;
  readonly headerLabel: string;
  readonly header: readonly FieldSpec[];
  /** The detail list's name on the vendor page: order_details, detail_list, detailList, purchase_details. */
  readonly linesArg: string;
  readonly linesLabel: string;
  readonly lines: readonly FieldSpec[];
  /** True when the lines travel inside the header object (PurchaseOrder's purchase_details). */
  readonly linesNested: boolean;
  /** Whether at least one line is required. */
  readonly linesRequired: boolean;
  /** Extra positional arguments after header and lines (OuterOut's is_check), in order. */
  readonly positional: readonly FieldSpec[];
  readonly rules: readonly CrossRule[];
  /** How lines are told apart; drives the same-stock rule (documents/sameLines.ts) and the 合并 action. */
  readonly lineIdentity: LineIdentity;
  /**
   * What identifies "the same document" for the at-most-once guard: the external number where the method
   * has one, otherwise the content itself.
   */
  readonly businessKey: (doc: NormalizedDocument) => string;
  /** The header field the ERP itself refuses to reuse (`外部单号重复!`), where the method has one. */
  readonly externalNoField?: string;
  readonly response: ResponseShape;
  /** The vendor page's own example arguments, adjusted only where the example breaks the page's rules. */
  readonly example: { readonly args: readonly unknown[]; readonly adjustments?: string };
}
