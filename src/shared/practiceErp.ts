/**
 * The seller's ERP options that change what the ERP answers to a create, as the practice ERP (the built-in
 * simulator) models them. Each mirrors a setting the vendor's error-code page names in its remedy, so staff
 * can practise with the same settings as their seller's real ERP. Pure data: main, the simulator and the
 * settings screen all read it.
 */

export interface PracticeErpSettings {
  /**
   * 允许添加相同的货品（货位、批次、有效期不同）. Off: any two lines with one 商家编码 are refused
   * (`货品列表中有相同商家编码的货品！`). On: only lines equal in 商家编码, 货位, 批次 and 有效期 are.
   */
  readonly allowSameGoods: boolean;
  /** 非销售出、入库单批次、效期必传: every line of a stock-in/out document needs 批次 and 有效期. */
  readonly batchAndExpiryRequired: boolean;
  /** 支持小数 (opened by the vendor's implementer): quantities may have decimals; otherwise `数量不合法`. */
  readonly decimalQuantities: boolean;
}

export const practiceErpSettingKeys = [
  'allowSameGoods',
  'batchAndExpiryRequired',
  'decimalQuantities',
] as const satisfies readonly (keyof PracticeErpSettings)[];

/**
 * The practice ERP starts as the most accepting ERP, so a new user's first documents go through; staff then
 * tick what their seller's ERP has (a fresh ERP has 允许添加相同的货品 and 小数 off, and refuses more).
 */
export const defaultPracticeErpSettings: PracticeErpSettings = {
  allowSameGoods: true,
  batchAndExpiryRequired: false,
  decimalQuantities: true,
};

/** What the settings screen shows for each option: the ERP's own wording and where the seller finds it. */
export const practiceErpSettingTexts: Readonly<
  Record<keyof PracticeErpSettings, { readonly label: string; readonly hint: string }>
> = {
  allowSameGoods: {
    label: '允许添加相同的货品（货位、批次、有效期不同）',
    hint: '旺店通客户端：设置 → 系统设置 → 仓库设置。不勾选时，同一商家编码出现在两行即被拒绝。',
  },
  batchAndExpiryRequired: {
    label: '非销售出、入库单批次、有效期必传',
    hint: '旺店通客户端：设置 → 系统设置 → 仓库设置。勾选后每行都必须填写批次和有效期。',
  },
  decimalQuantities: {
    label: '数量支持小数',
    hint: '由旺店通实施人员在【实施助手】中开通。未开通时，带小数的数量会被拒绝（数量不合法）。',
  },
};
