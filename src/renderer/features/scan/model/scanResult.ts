/**
 * What one scan (or one pasted line) came to, with everything the UI shows: the tone to play, a message in
 * Chinese, the value as taken, where it went. One discriminated union so the UI can switch on `kind`.
 */
import type { ScanSource } from '../input/keyClassifier';
import type { SnProblem } from './normalizeCode';

/** 'not-sn': a code that cannot be an SN (refused, or asked about): its own sound, unlike any refusal. */
export type ScanTone = 'success' | 'error' | 'duplicate' | 'not-sn' | 'none';

interface ResultBase {
  readonly tone: ScanTone;
  /** For people, in Chinese; empty when nothing should be shown. */
  readonly message: string;
  /** The normalized value ('' when there was none). */
  readonly value: string;
  readonly source: ScanSource;
  /** 0-based index of the line concerned (target, existing duplicate's line, selected line), or null. */
  readonly line: number | null;
}

export type ScanResult =
  | (ResultBase & {
      readonly kind: 'accepted';
      readonly line: number;
      readonly specNo: string;
      /** 0-based position of the SN in its line. */
      readonly position: number;
      readonly count: number;
      readonly required: number | null;
    })
  | (ResultBase & {
      readonly kind: 'duplicate-in-document';
      readonly line: number;
      readonly specNo: string;
      readonly position: number;
    })
  | (ResultBase & { readonly kind: 'already-sent'; readonly entryId: string | null })
  | (ResultBase & {
      readonly kind: 'over-count';
      readonly line: number;
      readonly specNo: string;
      readonly required: number;
    })
  | (ResultBase & { readonly kind: 'not-expected' })
  | (ResultBase & { readonly kind: 'bounce-dropped' })
  | (ResultBase & { readonly kind: 'ime' })
  /** The scan's first characters went elsewhere (focus arrived mid-burst): nothing was taken. */
  | (ResultBase & { readonly kind: 'incomplete' })
  | (ResultBase & { readonly kind: 'empty-ignored' })
  | (ResultBase & {
      readonly kind: 'line-selected';
      readonly line: number;
      readonly specNo: string;
      /** True when the scan added the line rather than finding it. */
      readonly added: boolean;
      /** The barcode scanned, when the catalog found the line's spec_no by it; shown beside the spec_no. */
      readonly barcode?: string | undefined;
    })
  | (ResultBase & { readonly kind: 'invalid'; readonly problem: SnProblem | 'custom' })
  /** Does not fit the profile's SN shape, where only an SN can go: refused. */
  | (ResultBase & { readonly kind: 'not-sn'; readonly reason: string })
  /** Does not fit the SN shape, and could be a product: the worker answers 1 (SN) or 2 (商家编码). */
  | (ResultBase & { readonly kind: 'ask-kind'; readonly reason: string })
  /** An SN arrived while no line is active and nothing routes it to one. */
  | (ResultBase & { readonly kind: 'no-active-line' });

export type ScanResultKind = ScanResult['kind'];

/** Wording for people: "第2行 第15个", from the line's 1-based number as the screen shows it. */
export function placeText(lineNumber: number, position: number): string {
  return `第${lineNumber}行 第${position + 1}个`;
}

export function countText(count: number, required: number | null): string {
  return required === null ? `${count}个` : `${count}/${required}`;
}

export const snProblemText: Readonly<Record<SnProblem, string>> = {
  whitespace: 'SN 中不能有空格',
  comma: 'SN 中不能有逗号',
  'too-long': 'SN 太长',
};

export const IME_MESSAGE = '请切换到英文输入法';
export const INCOMPLETE_MESSAGE = '扫描不完整，请重扫';
