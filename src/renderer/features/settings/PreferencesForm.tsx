/** Operator, sounds and scanner timing; bounds come from the same settingsBounds main enforces. */
import { useState, type FormEvent } from 'react';
import {
  scannerSuffixKeys,
  settingsBounds,
  type AppSettings,
  type ScannerSuffixKey,
} from '../../../shared/profile';
import { updateSettings } from '../../stores/profileStore';
import { showNotice } from '../../stores/noticeStore';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { useSettingsFocusTarget } from './settingsFocus';

const suffixLabels: Readonly<Record<ScannerSuffixKey, string>> = {
  Enter: '回车（Enter）',
  NumpadEnter: '小键盘回车',
  Tab: 'Tab',
};

type Bounded = 'maxInterKeyMs' | 'minLength' | 'bounceWindowMs';
const boundedLabels: Readonly<Record<Bounded, { label: string; hint: string }>> = {
  maxInterKeyMs: { label: '按键最大间隔（毫秒）', hint: '扫码枪两次按键的最长间隔；人手打字更慢' },
  minLength: { label: '最短条码长度', hint: '比这更短的输入当作手工输入' },
  bounceWindowMs: { label: '重复扫描忽略时间（毫秒）', hint: '同一条码在此时间内再次扫入将被忽略' },
};

export function PreferencesForm({ settings }: { readonly settings: AppSettings }) {
  const [operatorName, setOperatorName] = useState(settings.operatorName);
  const [soundEnabled, setSoundEnabled] = useState(settings.sound.enabled);
  const [transferReference, setTransferReference] = useState(settings.outerTransferReference);
  const [volume, setVolume] = useState(Math.round(settings.sound.volume * 100));
  const [suffixKeys, setSuffixKeys] = useState<readonly ScannerSuffixKey[]>(settings.scanner.suffixKeys);
  const [numbers, setNumbers] = useState<Record<Bounded, string>>({
    maxInterKeyMs: String(settings.scanner.maxInterKeyMs),
    minLength: String(settings.scanner.minLength),
    bounceWindowMs: String(settings.scanner.bounceWindowMs),
  });
  const [saving, setSaving] = useState(false);
  // The top bar's 操作人 button leads here.
  useSettingsFocusTarget('pref-operator');

  const numberProblem = (key: Bounded): string | undefined => {
    const { min, max } = settingsBounds[key];
    const value = Number(numbers[key]);
    return Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `请输入 ${min}–${max} 之间的整数`;
  };
  const problems = (['maxInterKeyMs', 'minLength', 'bounceWindowMs'] as const).some((key) =>
    numberProblem(key),
  );
  const noSuffix = suffixKeys.length === 0;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems || noSuffix || saving) return;
    setSaving(true);
    const result = await updateSettings({
      operatorName: operatorName.trim(),
      outerTransferReference: transferReference,
      sound: { enabled: soundEnabled, volume: volume / 100 },
      scanner: {
        suffixKeys: [...suffixKeys],
        maxInterKeyMs: Number(numbers.maxInterKeyMs),
        minLength: Number(numbers.minLength),
        bounceWindowMs: Number(numbers.bounceWindowMs),
      },
    });
    setSaving(false);
    showNotice(result.ok ? 'success' : 'error', result.ok ? '设置已保存' : result.error.message);
  };

  return (
    <form className="panel" aria-labelledby="prefs-title" onSubmit={(event) => void onSubmit(event)}>
      <h2 id="prefs-title" className="section-title">
        操作人、声音、扫码枪与核对
      </h2>
      <div className="form-grid">
        <Field id="pref-operator" label="操作人" hint="当前配置未指定操作人时，提交记录使用这个名字">
          <input
            id="pref-operator"
            value={operatorName}
            maxLength={settingsBounds.operatorNameMaxLength}
            onChange={(event) => setOperatorName(event.target.value)}
          />
        </Field>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={soundEnabled}
              onChange={(event) => setSoundEnabled(event.target.checked)}
            />
            提示音
          </label>
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={transferReference}
              onChange={(event) => setTransferReference(event.target.checked)}
            />
            外仓快速调拨：在备注末尾附加核对编号
          </label>
          <div className="field-hint">
            调拨没有外部单号；附加如“#K7Q2XM”的编号后，结果未知时“核对”可以确定 ERP
            中是否已有这张调拨单。关闭后只能按明细比对，可能无法确定。
          </div>
        </div>
        <Field id="pref-volume" label={`音量 ${volume}%`}>
          <input
            id="pref-volume"
            type="range"
            min={0}
            max={100}
            step={5}
            value={volume}
            disabled={!soundEnabled}
            onChange={(event) => setVolume(Number(event.target.value))}
          />
        </Field>
        <fieldset className="field">
          <legend>条码结束键</legend>
          {scannerSuffixKeys.map((key) => (
            <label key={key} className="checkbox">
              <input
                type="checkbox"
                checked={suffixKeys.includes(key)}
                onChange={(event) =>
                  setSuffixKeys((current) =>
                    event.target.checked
                      ? [...current, key]
                      : current.filter((candidate) => candidate !== key),
                  )
                }
              />
              {suffixLabels[key]}
            </label>
          ))}
          {noSuffix && <div className="field-message">至少选择一个结束键</div>}
        </fieldset>
        {(['maxInterKeyMs', 'minLength', 'bounceWindowMs'] as const).map((key) => (
          <Field
            key={key}
            id={`pref-${key}`}
            label={boundedLabels[key].label}
            hint={boundedLabels[key].hint}
            error={numberProblem(key)}
          >
            <input
              id={`pref-${key}`}
              inputMode="numeric"
              value={numbers[key]}
              onChange={(event) => setNumbers((current) => ({ ...current, [key]: event.target.value }))}
            />
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <Button kind="primary" type="submit" disabled={problems || noSuffix || saving}>
          {saving ? '正在保存…' : '保存设置'}
        </Button>
      </div>
    </form>
  );
}
