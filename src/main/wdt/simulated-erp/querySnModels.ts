/**
 * The practice ERP's SN queries (wms.stockout.Base.searchSN, wms.GoodsSN.queryWithDetail; vendor pages in
 * ../shared/wdt-api/queries/): one record per SN uploaded with wms.stockout.Base.uploadSN.
 */
import type { CreatedDocument } from './documents';
import { made, text, THIRTY_DAYS, type QueryModel } from './queryRows';

interface SnUpload {
  readonly at: number;
  readonly id: number;
  readonly stockoutNo: string;
  readonly warehouseNo: string;
  readonly specNo: string;
  readonly defect: boolean;
  readonly sn: string;
}

/** Every SN uploaded (wms.stockout.Base.uploadSN), one row each, with the stock-out's warehouse if known. */
function snUploads(created: readonly CreatedDocument[]): SnUpload[] {
  const warehouseOf = (stockoutNo: string): string =>
    text(created.find((doc) => doc.documentNo === stockoutNo)?.document.header['warehouse_no']);
  return made(created, 'wms.stockout.Base.uploadSN').flatMap(({ doc, id }) => {
    const stockoutNo = text(doc.document.header['stockout_no']);
    return doc.document.lines.flatMap((line, lineIndex) => {
      const sns = line['sn_list'];
      return (Array.isArray(sns) ? sns : []).map((sn: string, snIndex: number) => ({
        at: doc.createdAt,
        id: id * 10_000 + lineIndex * 1000 + snIndex,
        stockoutNo,
        warehouseNo: warehouseOf(stockoutNo),
        specNo: text(line['spec_no']),
        defect: line['defect'] === true,
        sn,
      }));
    });
  });
}

export const searchSn: QueryModel = {
  method: 'wms.stockout.Base.searchSN',
  params: ['start_time', 'end_time', 'stockout_no'],
  numberKeys: [],
  listKey: 'detail_list',
  rows: (created, time) =>
    snUploads(created).map((upload) => ({
      at: upload.at,
      filters: { stockout_no: upload.stockoutNo },
      record: {
        rec_id: upload.id,
        stockout_id: Math.floor(upload.id / 10_000),
        stockout_no: upload.stockoutNo,
        stockout_detail_id: Math.floor(upload.id / 1000),
        spec_id: 0,
        spec_no: upload.specNo,
        sn: upload.sn,
        defect: upload.defect,
        created: time(upload.at, false),
      },
    })),
};

export const goodsSn: QueryModel = {
  method: 'wms.GoodsSN.queryWithDetail',
  params: [
    'start_time',
    'end_time',
    'time_type',
    'order_type',
    'src_order_type',
    'sn',
    'order_no',
    'spec_no',
    'status',
    'warehouse_no',
  ],
  numberKeys: ['sn', 'order_no'],
  maxWindow: THIRTY_DAYS,
  listKey: 'sn_list',
  rows: (created, time) =>
    snUploads(created).map((upload) => ({
      at: upload.at,
      filters: {
        order_no: upload.stockoutNo,
        sn: upload.sn,
        spec_no: upload.specNo,
        warehouse_no: upload.warehouseNo,
        order_type: '0',
      },
      record: {
        rec_id: upload.id,
        sn: upload.sn,
        spec_no: upload.specNo,
        stockout_no: upload.stockoutNo,
        src_order_no: '',
        created: time(upload.at, false),
        warehouse_no: upload.warehouseNo,
        warehouse_name: upload.warehouseNo,
      },
    })),
};
