/**
 * What the practice ERP knows of the query methods 核对 uses, from their vendor pages in
 * ../shared/wdt-api/queries/: the params each accepts, when the window may be left out, its longest span,
 * the key of the list, and each record's fields, built from the documents the simulator created. Only the
 * fields 核对 reads are modelled with care (numbers, source numbers, warehouses, times, remark, lines, SNs);
 * the rest are plausible fillers. Written apart from the client's query table on purpose.
 */
import { serverTimeText } from './serverTime';
import { amount, kinds, made, text, THIRTY_DAYS, totalNum, type QueryModel } from './queryRows';
import { goodsSn, searchSn } from './querySnModels';

export type { QueryModel, QueryRow, TimeWriter } from './queryRows';

const outerOut: QueryModel = {
  method: 'wms.outer.OuterOut.queryWithDetail',
  params: [
    'outer_out_no',
    'warehouse_no',
    'start_time',
    'end_time',
    'time_type',
    'logistics_no',
    'order_type',
    'status',
  ],
  numberKeys: ['outer_out_no'],
  maxWindow: THIRTY_DAYS,
  listKey: 'order',
  rows: (created, time) =>
    made(created, 'wms.outer.OuterOut.createOrder').map(({ doc, id }) => {
      const { header, lines } = doc.document;
      const status = header['is_check'] === true && !doc.approvalFailed ? 50 : 30;
      return {
        at: doc.createdAt,
        filters: {
          outer_out_no: doc.documentNo,
          warehouse_no: text(header['warehouse_no']),
          logistics_no: '',
          order_type: text(header['src_order_type'] ?? 0),
          status: String(status),
        },
        record: {
          rec_id: id,
          outer_out_no: doc.documentNo,
          warehouse_no: text(header['warehouse_no']),
          warehouse_name: text(header['warehouse_no']),
          logistics_name: '无',
          logistics_no: '',
          goods_count: totalNum(lines),
          goods_type_count: kinds(lines),
          status,
          reason: text(header['reason']),
          creator_name: '',
          src_order_type: amount(header['src_order_type'] ?? 0),
          src_order_no: text(header['src_order_no']),
          remark: text(header['remark']),
          created: time(doc.createdAt, false),
          modified: time(doc.createdAt, false),
          detail_list: lines.map((line, index) => ({
            rec_id: id * 100 + index,
            spec_no: text(line['spec_no']),
            goods_no: text(line['spec_no']),
            num: amount(line['num']),
            num2: 0,
            defect: line['defect'] === true,
            remark: text(line['remark']),
            unit_ratio: 1,
            aux_unit_name: text(line['aux_unit_name']),
            batch_no: text(line['batch_no']),
            expire_date: text(line['expire_date']),
            goods_type: 1,
          })),
        },
      };
    }),
};

const purchaseOrder: QueryModel = {
  method: 'purchase.PurchaseOrder.queryWithDetail',
  params: [
    'purchase_no',
    'provider_no',
    'expect_warehouse_no',
    'receive_warehouse_no',
    'start_time',
    'end_time',
    'stockin_status',
    'status',
    'fuzzy_query',
  ],
  numberKeys: ['purchase_no'],
  windowIgnoredWith: 'purchase_no',
  maxWindow: THIRTY_DAYS,
  listKey: 'order',
  rows: (created, time) =>
    made(created, 'purchase.PurchaseOrder.createOrder').map(({ doc, id }) => {
      const { header, lines } = doc.document;
      const approved = header['is_check'] === true && !doc.approvalFailed;
      const status = approved ? 40 : 20;
      return {
        at: doc.createdAt,
        filters: {
          purchase_no: doc.documentNo,
          provider_no: text(header['provider_no']),
          expect_warehouse_no: text(header['expect_warehouse_no']),
          receive_warehouse_no: text(header['receive_warehouse_nos'])
            .split(',')
            .map((no) => no.trim()),
          stockin_status: '0',
          status: String(status),
        },
        record: {
          purchase_id: id,
          purchase_no: doc.documentNo,
          provider_no: text(header['provider_no']),
          provider_name: text(header['provider_no']),
          status,
          stockin_status: 0,
          settle_status: 0,
          warehouse_no: text(header['expect_warehouse_no']),
          warehouse_name: text(header['expect_warehouse_no']),
          creator_name: '',
          purchaser_name: text(header['purchaser_name']),
          goods_type_count: kinds(lines),
          goods_count: totalNum(lines),
          remark: text(header['remark']),
          created: time(doc.createdAt, false),
          modified: time(doc.createdAt, false),
          check_time: approved ? time(doc.createdAt, false) : '',
          detail_list: lines.map((line, index) => ({
            purchase_id: id,
            rec_id: id * 100 + index,
            spec_no: text(line['spec_no']),
            num: amount(line['num']),
            remark: text(line['remark']),
            batch_no: text(line['batch_no']),
            expire_date: text(line['expire_date']),
            created: serverTimeText(doc.createdAt),
            modified: serverTimeText(doc.createdAt),
          })),
        },
      };
    }),
};

const purchaseReturnStockout: QueryModel = {
  method: 'wms.stockout.PurchaseReturn.queryWithDetail',
  params: ['start_time', 'end_time', 'time_type', 'warehouse_no', 'stockout_no', 'src_order_no', 'status'],
  numberKeys: ['stockout_no', 'src_order_no'],
  maxWindow: THIRTY_DAYS,
  listKey: 'order',
  rows: (created, time) =>
    made(created, 'wms.stockout.PurchaseReturn.createOrder').map(({ doc, id }) => {
      const { header, lines } = doc.document;
      const status = header['create_mode'] === 2 && !doc.approvalFailed ? 110 : 50;
      return {
        at: doc.createdAt,
        filters: {
          stockout_no: doc.documentNo,
          src_order_no: text(header['return_no']),
          warehouse_no: text(header['warehouse_no']),
          status: String(status),
        },
        record: {
          stockout_id: id,
          order_no: doc.documentNo,
          src_order_no: text(header['return_no']),
          warehouse_no: text(header['warehouse_no']),
          status,
          goods_count: totalNum(lines),
          goods_type_count: kinds(lines),
          logistics_no: '',
          remark: text(header['remark']),
          provider_no: '',
          operator_name: '',
          // The vendor's example gives create_time as epoch milliseconds.
          create_time: time(doc.createdAt, true),
          modified: serverTimeText(doc.createdAt),
          details_list: lines.map((line, index) => ({
            rec_id: id * 100 + index,
            stockout_id: id,
            spec_no: text(line['spec_no']),
            goods_count: amount(line['num']),
            remark: text(line['remark']),
            batch_no: text(line['batch_no']),
            expire_date: text(line['expire_date']),
            defect: line['defect'] === true,
            position_no: text(line['position_no']),
          })),
        },
      };
    }),
};

const transferOrder: QueryModel = {
  method: 'wms.stocktransfer.Manage.queryWithDetail',
  params: [
    'start_time',
    'end_time',
    'from_warehouse_no',
    'to_warehouse_no',
    'transfer_no',
    'status',
    'fuzzy_query',
  ],
  numberKeys: [],
  maxWindow: THIRTY_DAYS,
  listKey: 'order',
  rows: (created, time) =>
    made(created, 'wms.outer.OuterTransfer.createByApi').map(({ doc, id }) => {
      const { header, lines } = doc.document;
      return {
        at: doc.createdAt,
        filters: {
          transfer_no: doc.documentNo,
          from_warehouse_no: text(header['from_warehouse_no']),
          to_warehouse_no: text(header['to_warehouse_no']),
          status: '40',
        },
        record: {
          transfer_id: id,
          transfer_no: doc.documentNo,
          mode: amount(header['mode']),
          status: 40,
          stock_out_in_status: 0,
          goods_count: totalNum(lines),
          goods_type_count: kinds(lines),
          goods_in_count: 0,
          goods_out_count: 0,
          remark: text(header['remark']),
          from_warehouse_no: text(header['from_warehouse_no']),
          to_warehouse_no: text(header['to_warehouse_no']),
          creator_name: '',
          // The page: created / modified 时间戳格式, created_date / modified_date 时间格式.
          created: time(doc.createdAt, true),
          modified: time(doc.createdAt, true),
          created_date: serverTimeText(doc.createdAt),
          modified_date: serverTimeText(doc.createdAt),
          check_time: '',
          details_list: lines.map((line, index) => ({
            transfer_id: id,
            rec_id: id * 100 + index,
            spec_no: text(line['spec_no']),
            num: amount(line['num']),
            out_num: 0,
            in_num: 0,
            remark: text(line['remark']),
            batch_no: text(line['batch_no']),
            expire_date: text(line['expire_date']),
            defect: line['defect'] === 1,
            created: serverTimeText(doc.createdAt),
            modified: serverTimeText(doc.createdAt),
          })),
        },
      };
    }),
};

const queryModels: readonly QueryModel[] = [
  outerOut,
  purchaseOrder,
  purchaseReturnStockout,
  searchSn,
  goodsSn,
  transferOrder,
];

const byName = new Map(queryModels.map((model) => [model.method, model]));

export function queryModel(method: string): QueryModel | undefined {
  return byName.get(method);
}
