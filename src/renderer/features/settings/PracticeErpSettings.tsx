/**
 * The practice ERP's own settings, shown when the 练习环境 profile is edited: the options of the seller's
 * ERP that change its answers, so staff can practise against the same settings as their real ERP. Each
 * checkbox applies at once (main keeps it); what is shown is always main's answer.
 */
import { useEffect, useState } from 'react';
import {
  practiceErpSettingKeys,
  practiceErpSettingTexts,
  type PracticeErpSettings as Settings,
} from '../../../shared/practiceErp';
import { bridge } from '../../stores/bridge';
import { showNotice } from '../../stores/noticeStore';

export function PracticeErpSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    void bridge()
      .getPracticeErpSettings(undefined)
      .then((result) => {
        if (!live) return;
        if (result.ok) setSettings(result.value);
        else setError(result.error.message);
      });
    return () => {
      live = false;
    };
  }, []);

  const change = async (key: keyof Settings, value: boolean) => {
    setSaving(true);
    const result = await bridge().updatePracticeErpSettings({ [key]: value });
    setSaving(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setSettings(result.value);
    showNotice('success', '练习 ERP 的设置已更新，下一次提交起生效');
  };

  return (
    <PracticeErpSettingsView
      settings={settings}
      error={error}
      saving={saving}
      onChange={(key, value) => void change(key, value)}
    />
  );
}

interface PracticeErpSettingsViewProps {
  /** null until main has answered. */
  readonly settings: Settings | null;
  readonly error: string | null;
  readonly saving: boolean;
  readonly onChange: (key: keyof Settings, value: boolean) => void;
}

export function PracticeErpSettingsView({ settings, error, saving, onChange }: PracticeErpSettingsViewProps) {
  return (
    <fieldset className="field practice-erp-settings">
      <legend>练习 ERP 的系统设置</legend>
      <p className="field-hint">
        按卖家旺店通 ERP 的实际设置勾选，练习时得到的答复就与正式环境一致。勾选后立即生效。
      </p>
      {error && (
        <p className="result result-error" role="alert">
          {error}
        </p>
      )}
      {settings &&
        practiceErpSettingKeys.map((key) => (
          <div key={key}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={settings[key]}
                disabled={saving}
                onChange={(event) => onChange(key, event.target.checked)}
              />
              {practiceErpSettingTexts[key].label}
            </label>
            <div className="field-hint">{practiceErpSettingTexts[key].hint}</div>
          </div>
        ))}
    </fieldset>
  );
}
