/**
 * The README's recipe for adding a document, kept true: a made-up document (refundSnSpec.ts) and the
 * practice ERP's model of it (refundSnErpMethod.ts) are registered the way the recipe says, one entry in
 * src/shared/documents/index.ts and one in src/main/wdt/simulated-erp/methods.ts, and the document then
 * goes through every stage with no other file touched: validation, request body, template, import, the
 * practice ERP, the journal, the sent-SN guard, the navigation and the scan mode.
 *
 * The two registrations are made here with vi.mock, which adds the entry to the real module's list for
 * this file only; the first tests check that both modules still have only the exports the mocks rebuild, so
 * each mock stays what adding one entry to the module's list does.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it, vi } from 'vitest';
import { parseArgs, buildArgs } from '../../src/shared/args';
import { documentSpecs, getSpec, methodNames } from '../../src/shared/documents';
import { buildTemplate, importSpreadsheet, templateFileName, wireLines } from '../../src/shared/import';
import { SnFilter } from '../../src/shared/snFilter';
import type { DocumentDraft, DocumentSpec } from '../../src/shared/spec';
import { validateDocument } from '../../src/shared/validate';
import { screens } from '../../src/renderer/app/screens';
import { requireScanFields, scanKindOf } from '../../src/renderer/features/scan/model/scanFields';
import { applyScan } from '../../src/renderer/features/scan/model/scanState';
import { linesFromScan, scanFromLines } from '../../src/renderer/features/scan/model/uploadSnLines';
import { openTestCore, simulator, type TestCore } from '../support/appCore';
import { useSimulatorProfile } from '../support/simulatorProfile';
import { REFUND_SN_METHOD } from './refundSnSpec';

/** Whether the practice ERP has the method's model: the one test that shows it is needed turns it off. */
const erp = vi.hoisted(() => ({ knowsRefundSn: true }));

vi.mock(import('../../src/shared/documents'), async (importOriginal) => {
  const registry = await importOriginal();
  const { refundSnSpec } = await import('./refundSnSpec');
  const specs: readonly DocumentSpec[] = [...registry.documentSpecs, refundSnSpec];
  const byMethod = new Map(specs.map((spec) => [spec.method, spec]));
  return {
    ...registry,
    documentSpecs: specs,
    methodNames: specs.map((spec) => spec.method),
    getSpec: (method: string) => byMethod.get(method),
  };
});

vi.mock(import('../../src/main/wdt/simulated-erp/methods'), async (importOriginal) => {
  const model = await importOriginal();
  const { refundSnErpMethod } = await import('./refundSnErpMethod');
  return {
    ...model,
    erpMethod: (name: string) =>
      name === refundSnErpMethod.method
        ? erp.knowsRefundSn
          ? refundSnErpMethod
          : undefined
        : model.erpMethod(name),
  };
});

function registered(): DocumentSpec {
  const spec = getSpec(REFUND_SN_METHOD);
  if (spec === undefined) throw new Error('the made-up document is not registered');
  return spec;
}

const draft = (refundNo: string, sns: readonly string[], warehouseNo = 'WH-1'): DocumentDraft => ({
  header: { warehouse_no: warehouseNo, refund_no: refundNo, remark: '客户退货' },
  lines: [{ spec_no: 'SKU-7', num: String(sns.length), serial_nos: sns }],
});

/** Generous: the first call of a file also loads the simulator's and the client's modules. */
const openCore = () => openTestCore({ timeoutMs: 10_000 });

async function submit(test: TestCore, document: DocumentDraft, draftId = 'doc.refund') {
  return test.value('submitDocument', { method: REFUND_SN_METHOD, draftId, draft: document });
}

describe('the recipe: registering a document', () => {
  it('is one entry in the registry, which derives nothing else the test would have to rebuild', async () => {
    const real = await vi.importActual<Record<string, unknown>>('../../src/shared/documents');
    const isSpec = (value: unknown) => typeof value === 'object' && value !== null && 'method' in value;
    const derived = Object.entries(real).filter(([, value]) => !isSpec(value));
    expect(derived.map(([name]) => name).sort()).toEqual(['documentSpecs', 'getSpec', 'methodNames']);
    expect(documentSpecs.at(-1)?.method).toBe(REFUND_SN_METHOD);
    expect(methodNames).toContain(REFUND_SN_METHOD);
    expect(registered().title).toBe('退货入库SN登记');
  });

  it("is one entry in the practice ERP's list of methods, which it reaches only by name", async () => {
    const real = await vi.importActual<Record<string, unknown>>('../../src/main/wdt/simulated-erp/methods');
    expect(Object.keys(real)).toEqual(['erpMethod']);
  });
});

describe('the made-up document through every stage', () => {
  it('validation: the spec checks each field and its own cross-field rule, in Chinese', () => {
    const spec = registered();
    const good = validateDocument(spec, draft('TH-1', ['SN-1', 'SN-2']));
    expect(good.problems).toEqual([]);
    expect(good.document?.lines[0]).toEqual({ spec_no: 'SKU-7', num: 2, serial_nos: ['SN-1', 'SN-2'] });

    const bad = validateDocument(spec, {
      header: { warehouse_no: '', refund_no: 'X'.repeat(41) },
      lines: [{ spec_no: 'SKU-7', num: '3', serial_nos: 'SN-1,SN-2' }],
    });
    expect(bad.document).toBeUndefined();
    expect(bad.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: { area: 'header', field: 'warehouse_no' }, severity: 'error' }),
        expect.objectContaining({
          path: { area: 'header', field: 'refund_no' },
          message: expect.stringContaining('40'),
        }),
        expect.objectContaining({
          path: { area: 'lines', row: 0, field: 'serial_nos' },
          message: '序列号 有2个序列号，必须与 入库数量（3）一致',
        }),
      ]),
    );
  });

  it('request body: the positional arguments the page shows, SNs joined as its String', () => {
    const spec = registered();
    const checked = validateDocument(spec, draft('TH-1', ['SN-1', 'SN-2']));
    if (checked.document === undefined) throw new Error('expected a valid document');
    const args = buildArgs(spec, checked.document);
    expect(args).toEqual([
      { warehouse_no: 'WH-1', refund_no: 'TH-1', remark: '客户退货' },
      [{ spec_no: 'SKU-7', num: 2, serial_nos: 'SN-1,SN-2' }],
    ]);
    // Read back (复制为新单据, the page's example): the same document again.
    const parsed = parseArgs(spec, args);
    expect(parsed.ok && validateDocument(spec, parsed.draft).document).toEqual(checked.document);
    const example = parseArgs(spec, spec.example.args);
    expect(example.ok && validateDocument(spec, example.draft).problems).toEqual([]);
  });

  it('template and import: the downloaded template, filled in, becomes the document lines', async () => {
    const spec = registered();
    expect(templateFileName(spec)).toContain('退货入库SN登记');
    const workbook = XLSX.read(buildTemplate(spec), { type: 'array', cellNF: true, cellText: true });
    const sheet = workbook.Sheets[spec.linesLabel];
    if (sheet === undefined) throw new Error(`no sheet ${spec.linesLabel}`);
    expect(XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0]).toEqual([
      '商家编码',
      '入库数量',
      '序列号',
    ]);
    // The SN column is text-formatted, so a long digit SN typed there keeps every digit.
    expect((sheet[XLSX.utils.encode_cell({ r: 20, c: 2 })] as XLSX.CellObject | undefined)?.z).toBe('@');

    // As the user fills it: over the example row and below it.
    XLSX.utils.sheet_add_aoa(
      sheet,
      [
        ['SKU-7', 2, '000123456789012,000123456789013'],
        ['SKU-8', 1, 'SN-9'],
        ['SKU-9', 2, 'SN-10'],
      ],
      { origin: 'A2' },
    );
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const { result } = await importSpreadsheet({ bytes, fileName: '退货.xlsx', spec, target: 'lines' });

    expect(result.lines.map((line) => line.sheetRow)).toEqual([2, 3, 4]);
    expect(wireLines(spec, result.lines.slice(0, 2))).toEqual([
      { spec_no: 'SKU-7', num: 2, serial_nos: '000123456789012,000123456789013' },
      { spec_no: 'SKU-8', num: 1, serial_nos: 'SN-9' },
    ]);
    // The spec's own rule, located as the spreadsheet shows it.
    expect(result.problems).toEqual([
      expect.objectContaining({ row: 4, message: expect.stringContaining('必须与 入库数量（2）一致') }),
    ]);
  });

  it('practice ERP: accepts the document by its own model, and refuses what its own rules refuse', async () => {
    const test = await openCore();
    const sim = await simulator({ warehouses: ['WH-1'] });
    await useSimulatorProfile(test, sim.url);

    // Main checks the document again with the same spec; what fails never reaches the ERP.
    const invalid = await submit(test, draft('TH-0', ['SN-1', 'SN-2'], ''));
    expect(invalid.status === 'invalid' && invalid.problems.map((problem) => problem.path)).toEqual([
      { area: 'header', field: 'warehouse_no' },
    ]);
    expect(sim.requests).toEqual([]);

    const accepted = await submit(test, draft('TH-1', ['SN-1', 'SN-2']));
    expect(accepted.status === 'sent' && accepted.outcome).toMatchObject({
      kind: 'accepted',
      documentNo: 'TH-1',
    });
    expect(sim.created.map((doc) => [doc.method, doc.documentNo, doc.document.lines])).toEqual([
      [REFUND_SN_METHOD, 'TH-1', [{ spec_no: 'SKU-7', num: 2, serial_nos: 'SN-1,SN-2' }]],
    ]);

    // The client cannot know the seller's warehouses; the ERP can.
    const refused = await submit(test, draft('TH-2', ['SN-3'], 'WH-9'), 'doc.refund2');
    expect(refused.status === 'sent' && refused.outcome).toMatchObject({
      kind: 'refused',
      status: 100,
      message: '仓库编号为 WH-9 的仓库不存在!',
    });
    expect(sim.created).toHaveLength(1);
  });

  it('practice ERP: without its model of the method it answers as the ERP does for a method it lacks', async () => {
    const test = await openCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    erp.knowsRefundSn = false;
    try {
      const response = await submit(test, draft('TH-1', ['SN-1']));
      expect(response.status === 'sent' && response.outcome).toMatchObject({ kind: 'refused', status: 1 });
      expect(sim.created).toEqual([]);
    } finally {
      erp.knowsRefundSn = true;
    }
  });

  it('journal: the submission is recorded with its title, key and exact body, and guards a resend', async () => {
    const test = await openCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const sent = await submit(test, draft('TH-1', ['SN-1', 'SN-2']));
    if (sent.status !== 'sent') throw new Error(`expected a send, got ${sent.status}`);

    const page = await test.value('queryJournal', { methods: [REFUND_SN_METHOD] });
    expect(page.entries).toEqual([
      expect.objectContaining({
        id: sent.entry.id,
        documentTitle: '退货入库SN登记',
        businessKey: 'refund_no:TH-1',
        outcome: 'accepted',
        documentNo: 'TH-1',
      }),
    ]);
    const detail = await test.value('getJournalEntry', { id: sent.entry.id });
    expect(JSON.parse(detail.body)).toEqual([
      { warehouse_no: 'WH-1', refund_no: 'TH-1', remark: '客户退货' },
      [{ spec_no: 'SKU-7', num: 2, serial_nos: 'SN-1,SN-2' }],
    ]);
    expect(sim.requests).toHaveLength(1);

    const again = await submit(test, draft('TH-1', ['SN-1', 'SN-2']), 'doc.refund2');
    expect(again.status === 'needs-confirmation' && again.prior.map((entry) => entry.id)).toEqual([
      sent.entry.id,
    ]);
    expect(sim.requests).toHaveLength(1);
  });

  it('navigation: the screen list offers the document after the others, with its title and Alt key', () => {
    const documents = screens.filter((screen) => screen.id.kind === 'document');
    expect(documents).toHaveLength(documentSpecs.length);
    expect(documents.at(-1)).toEqual({
      id: { kind: 'document', method: REFUND_SN_METHOD },
      label: '退货入库SN登记',
      accessKey: String(documentSpecs.length),
    });
  });

  it('scan mode: its lines are scanned as a whole, and the scans land in the SN field it names', () => {
    const spec = registered();
    expect(scanKindOf(spec)).toBe('lines');
    // The lines as typed in the grid, rebuilt into a scan state; the quantity stays beside the scans.
    const keys = requireScanFields(spec);
    const typed = scanFromLines([{ spec_no: 'SKU-8', num: '1', serial_nos: 'SN-9' }], null, keys);
    let state = typed.state;
    for (const value of ['SKU-7', 'SN-1', 'SN-9', 'SN-2'])
      state = applyScan(state, value, 'scanner', { expectingSpecNo: value === 'SKU-7' }).state;
    // SN-9 is already on the first line, so the scan refused it.
    expect(linesFromScan(state, typed.fields, keys)).toEqual([
      { num: '1', spec_no: 'SKU-8', serial_nos: ['SN-9'] },
      { spec_no: 'SKU-7', serial_nos: ['SN-1', 'SN-2'] },
    ]);
  });
});

describe('the made-up document and the sent-SN guard', () => {
  it("refuses, in the scan's lookup, an SN this document sent, also after a restart", async () => {
    const test = await openCore();
    const sim = await simulator();
    await useSimulatorProfile(test, sim.url);
    const sent = await submit(test, draft('TH-1', ['SN-71', 'SN-72']));
    expect(sent.status === 'sent' && sent.outcome.kind).toBe('accepted');

    expect(await test.value('findSentSns', { sns: ['SN-71', 'SN-99', 'SN-72'] })).toEqual(['SN-71', 'SN-72']);
    const filter = SnFilter.from(await test.value('sentSnFilter', undefined));
    expect(filter?.mayHold('SN-71')).toBe(true);

    // Rebuilt from the journal files when the app starts again.
    const reopened = await test.reopen();
    expect(await reopened.value('findSentSns', { sns: ['SN-71', 'SN-99'] })).toEqual(['SN-71']);
  });
});
