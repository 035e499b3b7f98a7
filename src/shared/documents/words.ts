/**
 * The words warehouse staff and the ERP's own screens and exports use for the same fields, shared by the
 * specs so that 商家编码 means spec_no in every document. A spec adds its page's label and any word of its
 * own; the import, the paste and the template read them all from the field (FieldSpec.words).
 */
export const WORDS = {
  /** The ERP's exports head the SKU code column 商家编码 whatever the page calls it. */
  specNo: ['商家编码', '单品信息'],
  /** A quantity column; each document adds its own word (采购数量, 出库数量, 调拨数量). */
  quantity: ['数量'],
  batchNo: ['批次', '批次号', '批次编号'],
  expireDate: ['有效期', '有效期至', '有效日期'],
  defect: ['残次品', '是否残次品', '次品'],
  positionNo: ['货位', '货位编号', '货位号'],
  /** A list of serial numbers, or one per row. */
  sns: ['序列号', 'SN', 'SN码', 'sn列表', '序列号列表', '序列号码', '串号'],
  isEnableSn: ['是否开启序列号', '开启序列号', '启用序列号'],
  warehouseNo: ['仓库', '仓库编号'],
  remark: ['备注'],
  unitName: ['单位'],
} as const;
