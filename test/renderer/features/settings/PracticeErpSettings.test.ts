/**
 * The practice ERP's settings on the 练习环境 profile's edit form, rendered to markup (no DOM here): the three
 * ERP options appear as labelled checkboxes showing main's values, and only on the practice profile.
 */
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { practiceErpSettingTexts } from '../../../../src/shared/practiceErp';
import type { ProfileSummary } from '../../../../src/shared/profile';
import { PracticeErpSettingsView } from '../../../../src/renderer/features/settings/PracticeErpSettings';
import { ProfileForm } from '../../../../src/renderer/features/settings/ProfileForm';

const practiceProfile: ProfileSummary = {
  id: 'practice',
  name: '练习环境',
  environment: 'practice',
  url: null,
  sid: '',
  appkey: '',
  operator: '',
  secretState: 'set',
  protection: null,
  active: true,
  builtIn: true,
};

describe('the practice ERP settings', () => {
  it('shows each ERP option as a labelled checkbox with main’s value', () => {
    const html = renderToString(
      createElement(PracticeErpSettingsView, {
        settings: { allowSameGoods: true, batchAndExpiryRequired: false, decimalQuantities: false },
        error: null,
        saving: false,
        onChange: () => undefined,
      }),
    );
    const boxes = [
      ...html.matchAll(/<label class="checkbox"><input type="checkbox"([^>]*)\/>([^<]+)<\/label>/g),
    ];
    expect(boxes.map((box) => box[2])).toEqual([
      '允许添加相同的货品（货位、批次、有效期不同）',
      '非销售出、入库单批次、有效期必传',
      practiceErpSettingTexts.decimalQuantities.label,
    ]);
    expect(boxes.map((box) => (box[1] ?? '').includes('checked'))).toEqual([true, false, false]);
  });

  it('appears on the 练习环境 profile’s form and not on a real one', () => {
    const form = (profile: ProfileSummary) =>
      renderToString(createElement(ProfileForm, { profile, canStoreSecrets: true, onDone: () => undefined }));
    expect(form(practiceProfile)).toContain('练习 ERP 的系统设置');
    expect(
      form({ ...practiceProfile, id: 'p1', name: '正式', environment: 'production', builtIn: false }),
    ).not.toContain('练习 ERP 的系统设置');
  });
});
