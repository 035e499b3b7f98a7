import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  formatDuration,
  formatLocalTime,
  parseBodyArgs,
  prettyJson,
  rowTooltip,
  shortKey,
  UNKNOWN_OUTCOME_ADVICE,
} from '../../../../src/renderer/features/log/logFormat';
import { explanationOf } from '../../../../src/renderer/features/log/LogDetailResult';
import { makeEntry } from '../../support/logFakeBridge';

beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Shanghai');
});

describe('how a log entry is shown', () => {
  it('shows times in local time as yyyy-MM-dd HH:mm:ss', () => {
    expect(formatLocalTime('2026-03-14T16:05:09.123Z')).toBe('2026-03-15 00:05:09');
    expect(formatLocalTime('not a time')).toBe('not a time');
  });

  it('tells what to check in the ERP for an unknown outcome, and only then', () => {
    const unknown = rowTooltip(makeEntry(1, { outcome: 'unknown', businessKey: 'PO-1' }));
    expect(unknown).toContain(UNKNOWN_OUTCOME_ADVICE);
    expect(unknown).toContain('PO-1');
    expect(rowTooltip(makeEntry(1, { outcome: 'refused', message: '商家编码不存在' }))).not.toContain(
      '结果未知',
    );
  });

  it('shortens long business keys and readable durations', () => {
    const key = 'CK0001:' + Array.from({ length: 20 }, (_, i) => `SN${i}`).join(',');
    expect(shortKey(key)).toHaveLength(28);
    expect(shortKey(key).endsWith('…')).toBe(true);
    expect(shortKey('OUT-1')).toBe('OUT-1');
    expect(formatDuration(850)).toBe('850 毫秒');
    expect(formatDuration(2345)).toBe('2.35 秒');
    expect(formatDuration(undefined)).toBe('—');
  });

  it('gives "copy as new" the positional argument array that was sent, and nothing else', () => {
    const body = '[{"order_no":"OUT-1"},[{"spec_no":"A","num":"2"}],1]';
    expect(parseBodyArgs(body)).toEqual([{ order_no: 'OUT-1' }, [{ spec_no: 'A', num: '2' }], 1]);
    expect(parseBodyArgs('{"order_no":"OUT-1"}')).toBeNull();
    expect(parseBodyArgs('[{"order_no"')).toBeNull();
    expect(prettyJson(body)).toContain('\n  {\n    "order_no": "OUT-1"');
  });

  it('explains each outcome in Chinese, warning never to resubmit an approval failure', () => {
    const response = { status: 0, data: { status: 20, message: '库存不足' } };
    expect(explanationOf({ kind: 'approval-failed', reason: '库存不足。', response })).toBe(
      '单据已创建，但审核失败：库存不足。请在旺店通 ERP 中处理审核，不要重新提交。',
    );
    expect(explanationOf({ kind: 'accepted', documentNo: 'CK1', response: { status: 0 } })).toBeNull();
    expect(explanationOf({ kind: 'unknown', reason: 'timeout', explanation: '等待响应超时' })).toBe(
      '等待响应超时',
    );
    expect(explanationOf(undefined)).toBeNull();
  });
});
