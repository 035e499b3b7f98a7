/**
 * Status-100 messages the vendor shows on the five method pages (and PROTOCOL.md's typical messages) that its
 * error table does not list. Kept beside the table so every message the client can name has one remedy.
 */
import { contains, type VendorMessage } from './match';

const fromPage = (vendorText: string, parts: string[], remedy: string): VendorMessage => ({
  status: 100,
  vendorText,
  match: contains(...parts),
  remedy,
  source: 'method-page',
});

export const pageMessages: readonly VendorMessage[] = [
  // wms.outer.OuterOut.createOrder, with code right.required.
  fromPage(
    '无该仓库权限',
    ['无该仓库权限'],
    '接口账号没有这个仓库的权限（接口账号就是员工编号等于 appkey 的那位员工）。请管理员在 旺店通 设置 → 安全设置 → 员工权限 中搜索这个员工编号，在下方的仓库权限中加上该仓库后再提交。',
  ),
  // purchase.PurchaseOrder.createOrder.
  fromPage(
    '供应商不存在',
    ['供应商不存在'],
    '所填的供应商编号在旺店通中不存在。请核对供应商编号，要与旺店通中的完全一致。',
  ),
  // wms.outer.OuterTransfer.createByApi (源仓库不存在), wms.stockout.PurchaseReturn.createOrder
  // (仓库编号为 … 的仓库不存在!).
  fromPage(
    '仓库不存在',
    ['仓库不存在'],
    '所填的仓库编号在旺店通中不存在（ERP 的原话：{message}）。请核对仓库编号，要与旺店通中的完全一致。',
  ),
  // wms.stockout.Base.uploadSN.
  fromPage(
    '出库单号不可以为空',
    ['出库单号不可以为空'],
    '出库单号（stockout_no）没有填写。请填写要上传 SN 的出库单号。',
  ),
  // PROTOCOL.md: sibling methods answer a reused external number so.
  fromPage(
    '外部单号重复!',
    ['外部单号重复'],
    '这个外部单号已经用过：旺店通中很可能已经有这张单据（也许之前已经提交成功）。请先在旺店通中按这个单号查找；确实需要再建一张时，请换一个新的单号。',
  ),
];
