/** Realistic submissions for the journal tests and the crash writer. */
import type { Journal, SubmissionStart } from '../../../src/main/journal/journal';
import type { CallOutcome } from '../../../src/shared/outcome';

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

export const acceptedOutcome: CallOutcome = {
  kind: 'accepted',
  documentNo: 'CK1',
  response: { status: 0, data: { status: 0 } },
};

export const refusedOutcome: CallOutcome = {
  kind: 'refused',
  status: 100,
  message: '外部单号重复!',
  resendable: false,
  explanation: '单号已存在',
  response: { status: 100, message: '外部单号重复!' },
};

/**
 * Journals one submission of `body` (an OuterOut document unless it is an uploadSN body) and, when given,
 * its outcome; returns its entry id.
 */
export async function journalSubmission(
  journal: Journal,
  businessKey: string,
  outcome: CallOutcome | undefined,
  body?: string,
): Promise<string> {
  const method = body?.includes('stockout_no')
    ? 'wms.stockout.Base.uploadSN'
    : 'wms.outer.OuterOut.createOrder';
  const id = await journal.beginSubmission(sampleStart({ method, businessKey, ...(body && { body }) }));
  if (outcome) await journal.recordResult(id, outcome, 10);
  return id;
}
