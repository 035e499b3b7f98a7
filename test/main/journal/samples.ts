/** Realistic submissions for the journal tests and the crash writer. */
import type { SubmissionStart } from '../../../src/main/journal/journal';

export function outerOutBody(orderNo: string, specNo: string, sns: readonly string[]): string {
  return JSON.stringify([
    { warehouse_no: 'WH01', order_no: orderNo, remark: '测试出库' },
    [{ spec_no: specNo, num: sns.length || 1, is_enable_sn: sns.length > 0 ? 1 : 0, sn_list: sns.join(',') }],
    false,
  ]);
}

export function uploadSnBody(stockoutNo: string, specNo: string, sns: readonly string[]): string {
  return JSON.stringify([{ order_type: 2, stockout_no: stockoutNo }, [{ spec_no: specNo, sn_list: sns }]]);
}

export function sampleStart(overrides: Partial<SubmissionStart> = {}): SubmissionStart {
  const businessKey = overrides.businessKey ?? 'OUT-0001';
  return {
    operator: '张三',
    profileName: '练习环境',
    environment: '练习',
    method: 'wms.outer.OuterOut.createOrder',
    documentTitle: '其他出库单',
    businessKey,
    body: outerOutBody(businessKey, 'DFAQT101', []),
    ...overrides,
  };
}
