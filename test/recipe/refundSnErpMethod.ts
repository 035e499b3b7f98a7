/**
 * The practice ERP's model of the made-up 退货入库SN登记 (refundSnSpec.ts), written as a real method is
 * written in src/main/wdt/simulated-erp/methods.ts: from the vendor page, never from the client's spec, so
 * the simulator keeps its own reading of the page.
 */
import type { ErpMethod } from '../../src/main/wdt/simulated-erp/methods';

export const refundSnErpMethod: ErpMethod = {
  method: 'wms.stockin.RefundSn.createOrder',
  argNames: ['order', 'details'],
  header: [
    { key: 'warehouse_no', label: '仓库编号', type: { kind: 'string', maxLength: 40 }, required: true },
    { key: 'refund_no', label: '退货入库单号', type: { kind: 'string', maxLength: 40 }, required: false },
    { key: 'remark', label: '备注', type: { kind: 'string', maxLength: 255 }, required: false },
  ],
  linesKey: 'details',
  linesLabel: '入库明细',
  linesNested: false,
  linesRequired: true,
  lines: [
    { key: 'spec_no', label: '商家编码', type: { kind: 'string', maxLength: 40 }, required: true },
    { key: 'num', label: '入库数量', type: { kind: 'quantity' }, required: true },
    { key: 'serial_nos', label: '序列号', type: { kind: 'string' }, required: true },
  ],
  extras: [],
  externalNo: 'refund_no',
  warehouses: [{ key: 'warehouse_no', unknown: (warehouseNo) => `仓库编号为 ${warehouseNo} 的仓库不存在!` }],
  // The page has no batch or expiry fields, so 批次、有效期必传 cannot apply to it.
  stockDocument: () => false,
  approvalAsked: () => false,
  answer: 'statusMessage',
  numberPrefix: 'THRK',
};
