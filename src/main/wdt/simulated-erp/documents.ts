/**
 * The simulator's ERP side: reads a signed call's body as the ERP does (readArgs.ts), applies its business
 * rules under the seller's settings (businessRules.ts), refuses reused external numbers, and creates
 * documents with generated numbers, answering in each method's documented success shape. It has its own
 * model of the vendor pages (methods.ts) and never uses the client's validator.
 */
import type { ErpResponse } from '../../../shared/outcome';
import { defaultPracticeErpSettings, type PracticeErpSettings } from '../../../shared/practiceErp';
import { firstBusinessRefusal } from './businessRules';
import { erpMethod, type ErpMethod } from './methods';
import { readArgs, type ErpRecord, type ReadDocument } from './readArgs';

/** A document as the ERP stored it: header (with positional flags such as is_check) and lines. */
interface SimulatedDocument {
  readonly header: ErpRecord;
  readonly lines: readonly ErpRecord[];
}

export interface CreatedDocument {
  readonly sid: string;
  readonly method: string;
  readonly documentNo: string;
  /** The external number (order_no, purchase_no), where the method has one and it was given. */
  readonly externalNo?: string;
  /** Created, but answered with data.status 20 (审核失败). */
  readonly approvalFailed: boolean;
  readonly document: SimulatedDocument;
  /** Server clock (skew included), ms. */
  readonly createdAt: number;
}

export interface DocumentDeskOptions {
  /** Warehouse numbers whose documents are created but fail approval, when approval is asked for. */
  readonly approvalFailsFor?: readonly string[];
  readonly erpSettings?: Partial<PracticeErpSettings>;
  /** The seller's warehouses; undefined: every warehouse number exists. */
  readonly warehouses?: readonly string[];
}

interface DocumentDesk {
  /** Handles one authenticated call. `create: false` checks everything but keeps nothing (a dropped reset). */
  handle(sid: string, method: string, args: unknown, serverNowMs: number, create?: boolean): ErpResponse;
  readonly created: readonly CreatedDocument[];
  readonly erpSettings: PracticeErpSettings;
  setApprovalFailsFor(warehouseNos: readonly string[]): void;
  setErpSettings(patch: Partial<PracticeErpSettings>): PracticeErpSettings;
  setWarehouses(warehouseNos: readonly string[] | undefined): void;
}

type BodyCheck =
  | { readonly ok: true; readonly document: ReadDocument }
  | { readonly ok: false; readonly refusal: ErpResponse };

/**
 * The ERP's order of complaints for one method: argument count and value types (status 1), unknown field
 * names (2), then business rules (100).
 */
function checkBody(
  method: ErpMethod,
  args: unknown,
  settings: PracticeErpSettings,
  warehouses?: ReadonlySet<string>,
): BodyCheck {
  const read = readArgs(method, args);
  if (!read.ok) return read;
  const refusal = firstBusinessRefusal(method, read.document, { settings, warehouses });
  return refusal === undefined ? read : { ok: false, refusal: { status: 100, message: refusal } };
}

export function createDocumentDesk(options: DocumentDeskOptions = {}): DocumentDesk {
  const created: CreatedDocument[] = [];
  const usedExternalNos = new Set<string>();
  let failingWarehouses = new Set(options.approvalFailsFor ?? []);
  let settings: PracticeErpSettings = { ...defaultPracticeErpSettings, ...options.erpSettings };
  let warehouses = options.warehouses === undefined ? undefined : new Set(options.warehouses);
  let sequence = 0;

  function nextNumber(method: ErpMethod, serverNowMs: number): string {
    sequence += 1;
    if (method.answer === 'transferNo') return `${method.numberPrefix}${38580 + sequence}`;
    const day = new Date(serverNowMs).toISOString().slice(0, 10).replaceAll('-', '');
    return `${method.numberPrefix}${day}${String(sequence).padStart(4, '0')}`;
  }

  return {
    created,
    get erpSettings() {
      return settings;
    },
    setApprovalFailsFor(warehouseNos) {
      failingWarehouses = new Set(warehouseNos);
    },
    setErpSettings(patch) {
      settings = { ...settings, ...patch };
      return settings;
    },
    setWarehouses(warehouseNos) {
      warehouses = warehouseNos === undefined ? undefined : new Set(warehouseNos);
    },
    handle(sid, methodName, args, serverNowMs, create = true) {
      const method = erpMethod(methodName);
      if (!method) return { status: 1, message: `method not exists: ${methodName}` };
      const checked = checkBody(method, args, settings, warehouses);
      if (!checked.ok) return checked.refusal;
      const { header, lines } = checked.document;

      const externalNo = method.externalNo === undefined ? undefined : header[method.externalNo];
      const externalKey =
        typeof externalNo === 'string' && externalNo.trim() !== ''
          ? JSON.stringify([sid, method.method, externalNo])
          : undefined;
      if (externalKey !== undefined && usedExternalNos.has(externalKey)) {
        return { status: 100, message: '外部单号重复!' };
      }

      // The vendor page: 传入外部单号则使用外部单号作为系统内业务单号 — the external number becomes the document's own.
      const documentNo =
        externalKey !== undefined && typeof externalNo === 'string'
          ? externalNo
          : nextNumber(method, serverNowMs);
      const failingWarehouse = method.approvalAsked(header)
        ? warehouseIn(method, header, failingWarehouses)
        : undefined;
      if (create) {
        if (externalKey !== undefined) usedExternalNos.add(externalKey);
        created.push({
          sid,
          method: method.method,
          documentNo,
          ...(externalKey !== undefined ? { externalNo: documentNo } : {}),
          approvalFailed: failingWarehouse !== undefined,
          document: { header, lines },
          createdAt: serverNowMs,
        });
      }
      return successResponse(method, documentNo, failingWarehouse);
    },
  };
}

/** The first warehouse the document names that is configured to fail approval. */
function warehouseIn(method: ErpMethod, header: ErpRecord, failing: ReadonlySet<string>): string | undefined {
  for (const field of method.warehouses) {
    const value = header[field.key];
    if (typeof value !== 'string') continue;
    const match = value.split(',').find((warehouseNo) => failing.has(warehouseNo.trim()));
    if (match !== undefined) return match.trim();
  }
  return undefined;
}

function successResponse(
  method: ErpMethod,
  documentNo: string,
  failingWarehouse: string | undefined,
): ErpResponse {
  switch (method.answer) {
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
