/**
 * An ERP answer whose status proves nothing (here 99 其他错误) is shown as an unknown outcome: what the ERP
 * said, word for word, that the document may exist, and no retry button.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../../../src/shared/outcome';
import { outerOutSpec } from '../../../../src/shared/documents';
import { classifyEnvelope } from '../../../../src/main/wdt/response';
import { SubmitResultPanel } from '../../../../src/renderer/features/documents/SubmitResultPanel';
import { LogDetailResult } from '../../../../src/renderer/features/log/LogDetailResult';
import { makeEntry } from '../../support/logFakeBridge';

const outcome: CallOutcome = classifyEnvelope({ status: 99, message: '其他错误' }, 'statusMessage');
const noop = (): void => undefined;

describe('an unknown outcome that carries the ERP answer', () => {
  it('the submit result shows the answer and offers no retry', () => {
    const html = renderToString(
      createElement(SubmitResultPanel, {
        spec: outerOutSpec,
        view: { phase: 'sent', entry: makeEntry(1, { outcome: 'unknown' }), outcome },
        onRetry: noop,
        onDismiss: noop,
      }),
    );
    expect(html).toContain('结果未知');
    expect(html).toMatch(/状态 (<!-- -->)?99/);
    expect(html).toContain('其他错误');
    expect(html).toContain('不会自动重发');
    expect(html).not.toContain('重试');
  });

  it('the log detail shows status and message as the ERP sent them', () => {
    const html = renderToString(createElement(LogDetailResult, { result: outcome }));
    expect(html).toContain('<dd>99</dd>');
    expect(html).toContain('<dd>其他错误</dd>');
    expect(html).toContain('不能证明单据没有创建');
  });
});
