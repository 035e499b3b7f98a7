/**
 * The simulator's ERP side: checks a signed call's body against the method's document spec (the same spec
 * the app validates with), refuses reused external numbers, and creates documents with generated numbers,
 * answering in each method's documented success shape.
 */
import type { ErpResponse } from '../../../shared/outcome';
import type { DocumentSpec, NormalizedDocument, Problem } from '../../../shared/spec';
import { getSpec } from '../../../shared/documents';
import { parseArgs } from '../../../shared/args';
import { hasErrors, validateDocument } from '../../../shared/validate';

export interface CreatedDocument {
  readonly sid: string;
  readonly method: string;
  readonly documentNo: string;
  /** The value of the spec's externalNoField, where the method has one. */
  readonly externalNo?: string;
  /** Created, but answered with data.status 20 (审核失败). */
  readonly approvalFailed: boolean;
  readonly document: NormalizedDocument;
  /** Server clock (skew included), ms. */
  readonly createdAt: number;
}

export interface DocumentDesk {
  /** Handles one authenticated call. `create: false` checks everything but keeps nothing (a dropped reset). */
  handle(sid: string, method: string, args: unknown, serverNowMs: number, create?: boolean): ErpResponse;
  readonly created: readonly CreatedDocument[];
  setApprovalFailsFor(warehouseNos: readonly string[]): void;
}

/** Number prefixes for the created documents, after the ERP's own (外仓出库 WCCK, 采购 CG, 采购退货 CGTH). */
const NUMBER_PREFIX: Readonly<Record<string, string>> = {
  'wms.outer.OuterOut.createOrder': 'WCCK',
  'purchase.PurchaseOrder.createOrder': 'CG',
  'wms.stockout.PurchaseReturn.createOrder': 'CGTH',
  'wms.outer.OuterTransfer.createByApi': 'TF',
};

export function createDocumentDesk(approvalFailsFor: readonly string[] = []): DocumentDesk {
  const created: CreatedDocument[] = [];
  const usedExternalNos = new Set<string>();
  let failingWarehouses = new Set(approvalFailsFor);
  let sequence = 0;

  function nextNumber(method: string, serverNowMs: number): string {
    sequence += 1;
    const prefix = NUMBER_PREFIX[method] ?? 'DOC';
    if (prefix === 'TF') return `TF${38580 + sequence}`;
    const day = new Date(serverNowMs).toISOString().slice(0, 10).replaceAll('-', '');
    return `${prefix}${day}${String(sequence).padStart(4, '0')}`;
  }

  return {
    created,
    setApprovalFailsFor(warehouseNos) {
      failingWarehouses = new Set(warehouseNos);
    },
    handle(sid, method, args, serverNowMs, create = true) {
      const spec = getSpec(method);
      if (!spec) return { status: 1, message: `method not exists: ${method}` };
      const checked = checkBody(spec, args);
      if (!checked.ok) return checked.refusal;
      const { document } = checked;

      const externalNo = spec.externalNoField ? document.header[spec.externalNoField] : undefined;
      const externalKey =
        typeof externalNo === 'string' ? JSON.stringify([sid, method, externalNo]) : undefined;
      if (externalKey !== undefined && usedExternalNos.has(externalKey)) {
        return { status: 100, message: '外部单号重复!' };
      }

      // The vendor page: 传入外部单号则使用外部单号作为系统内业务单号 — the external number becomes the document's own.
      const documentNo = typeof externalNo === 'string' ? externalNo : nextNumber(method, serverNowMs);
      const failingWarehouse =
        spec.response === 'statusMessage' ? warehouseIn(document, failingWarehouses) : undefined;
      if (create) {
        if (externalKey !== undefined) usedExternalNos.add(externalKey);
        created.push({
          sid,
          method,
          documentNo,
          ...(typeof externalNo === 'string' ? { externalNo } : {}),
          approvalFailed: failingWarehouse !== undefined,
          document,
          createdAt: serverNowMs,
        });
      }
      return successResponse(spec, documentNo, failingWarehouse);
    },
  };
}

type BodyCheck =
  | { readonly ok: true; readonly document: NormalizedDocument }
  | { readonly ok: false; readonly refusal: ErpResponse };

/** The ERP's order of complaints: argument count (1), unknown field names (2), then business rules (100). */
export function checkBody(spec: DocumentSpec, args: unknown): BodyCheck {
  if (!Array.isArray(args)) return refuse(1, '参数个数错误');
  const maxArgs = 1 + (spec.linesNested ? 0 : 1) + spec.positional.length;
  if (args.length === 0 || args.length > maxArgs) return refuse(1, '参数个数错误');
  const unknownField = findUnknownField(spec, args);
  if (unknownField !== undefined) return refuse(2, unknownField);

  const parsed = parseArgs(spec, args);
  if (!parsed.ok) return refuse(100, firstErrorMessage(parsed.problems));
  const validated = validateDocument(spec, parsed.draft);
  if (hasErrors(validated.problems) || !validated.document) {
    return refuse(100, firstErrorMessage(validated.problems));
  }
  return { ok: true, document: validated.document };
}

function findUnknownField(spec: DocumentSpec, args: readonly unknown[]): string | undefined {
  const header = args[0];
  const headerKeys = new Set(spec.header.map((field) => field.key));
  if (spec.linesNested) headerKeys.add(spec.linesArg);
  const lineKeys = new Set(spec.lines.map((field) => field.key));
  if (isRecord(header)) {
    const unknown = Object.keys(header).find((key) => !headerKeys.has(key));
    if (unknown !== undefined) return unknown;
  }
  const lines = spec.linesNested ? (isRecord(header) ? header[spec.linesArg] : undefined) : args[1];
  if (Array.isArray(lines)) {
    for (const line of lines) {
      if (!isRecord(line)) continue;
      const unknown = Object.keys(line).find((key) => !lineKeys.has(key));
      if (unknown !== undefined) return unknown;
    }
  }
  return undefined;
}

function firstErrorMessage(problems: readonly Problem[]): string {
  const first = problems.find((problem) => problem.severity === 'error') ?? problems[0];
  return first?.message ?? '参数错误';
}

/**
 * The approval "fails" when any warehouse field of the header (warehouse_no, expect_warehouse_no,
 * receive_warehouse_nos…) names a configured warehouse, regardless of is_check: simple and predictable.
 */
function warehouseIn(document: NormalizedDocument, failing: ReadonlySet<string>): string | undefined {
  if (failing.size === 0) return undefined;
  for (const [key, value] of Object.entries(document.header)) {
    if (!key.includes('warehouse') || typeof value !== 'string') continue;
    const match = value.split(',').find((warehouseNo) => failing.has(warehouseNo.trim()));
    if (match !== undefined) return match.trim();
  }
  return undefined;
}

function successResponse(
  spec: DocumentSpec,
  documentNo: string,
  failingWarehouse: string | undefined,
): ErpResponse {
  switch (spec.response) {
    case 'statusMessage':
      return failingWarehouse !== undefined
        ? { status: 0, data: { status: 20, message: `审核失败：仓库 ${failingWarehouse} 库存不足` } }
        : { status: 0, data: { status: 0, message: documentNo } };
    case 'transferNo':
      return { status: 0, data: { transfer_no: documentNo } };
    case 'ack':
      return { status: 0, data: { message: 'OK' } };
  }
}

function refuse(status: number, message: string): BodyCheck {
  return { ok: false, refusal: { status, message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
