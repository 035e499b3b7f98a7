/** The preferences form, rendered to markup: the transfer-reference switch shows the saved value. */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src/shared/profile';
import { PreferencesForm } from '../../../../src/renderer/features/settings/PreferencesForm';

function referenceBox(html: string): string {
  const box = /<input type="checkbox"([^>]*)\/>外仓快速调拨：在备注末尾附加核对编号/.exec(html);
  if (box === null) throw new Error('no transfer-reference switch in the form');
  return box[1] ?? '';
}

describe('the 外仓快速调拨 reference switch', () => {
  it('is on by default and off once the user turned it off', () => {
    const on = renderToString(createElement(PreferencesForm, { settings: defaultSettings }));
    expect(referenceBox(on)).toContain('checked');
    const off = renderToString(
      createElement(PreferencesForm, { settings: { ...defaultSettings, outerTransferReference: false } }),
    );
    expect(referenceBox(off)).not.toContain('checked');
    expect(off).toContain('结果未知时“核对”可以确定');
  });
});
