/**
 * What an SN looks like for the active profile: a length range and an optional pattern, suggested from the
 * SNs the ERP already accepted. With it, a scanned product code is not taken for an SN: the scan view asks.
 * The shape's own rules come from src/shared/snShape.ts, which main applies again when it saves.
 */
import { useState, type FormEvent } from 'react';
import { snShapeError, type SnShape } from '../../../shared/snShape';
import { bridge } from '../../stores/bridge';
import { showNotice } from '../../stores/noticeStore';
import { updateSettings } from '../../stores/profileStore';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

interface SnShapeFormProps {
  readonly profileId: string;
  readonly profileName: string;
  readonly shape: SnShape | null;
}

interface Draft {
  readonly minLength: string;
  readonly maxLength: string;
  readonly pattern: string;
}

function draftOf(shape: SnShape | null): Draft {
  return shape === null
    ? { minLength: '', maxLength: '', pattern: '' }
    : { minLength: String(shape.minLength), maxLength: String(shape.maxLength), pattern: shape.pattern };
}

function shapeOf(draft: Draft): SnShape {
  return {
    minLength: Number(draft.minLength),
    maxLength: Number(draft.maxLength),
    pattern: draft.pattern.trim(),
  };
}

export function SnShapeForm({ profileId, profileName, shape }: SnShapeFormProps) {
  const [enabled, setEnabled] = useState(shape !== null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(shape));
  const [busy, setBusy] = useState(false);
  const problem = enabled ? snShapeError(shapeOf(draft)) : null;

  const suggest = async () => {
    setBusy(true);
    const result = await bridge().suggestSnShape(undefined);
    setBusy(false);
    if (!result.ok) return showNotice('error', result.error.message);
    if (result.value === null) return showNotice('warning', '已发送的 SN 太少（至少 5 个），无法给出建议');
    setEnabled(true);
    setDraft(draftOf(result.value));
    showNotice('success', '已按已发送的 SN 填入建议，请检查后保存');
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem !== null || busy) return;
    setBusy(true);
    const result = await updateSettings({ snShape: { profileId, shape: enabled ? shapeOf(draft) : null } });
    setBusy(false);
    showNotice(result.ok ? 'success' : 'error', result.ok ? 'SN 格式已保存' : result.error.message);
  };

  const set = (key: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  return (
    <form className="panel" aria-labelledby="sn-shape-title" onSubmit={(event) => void onSubmit(event)}>
      <h2 id="sn-shape-title" className="section-title">
        SN 格式（{profileName}）
      </h2>
      <p className="muted">
        设定后，扫码时不符合格式的条码不会被当作 SN：在扫码模式中会询问它是 SN
        还是商家编码，在单行扫码中直接拒绝。
      </p>
      <div className="form-grid">
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
            限定 SN 格式
          </label>
        </div>
        <Field id="sn-min" label="最短长度">
          <input
            id="sn-min"
            inputMode="numeric"
            disabled={!enabled}
            value={draft.minLength}
            onChange={(event) => set('minLength')(event.target.value)}
          />
        </Field>
        <Field id="sn-max" label="最长长度">
          <input
            id="sn-max"
            inputMode="numeric"
            disabled={!enabled}
            value={draft.maxLength}
            onChange={(event) => set('maxLength')(event.target.value)}
          />
        </Field>
        <Field
          id="sn-pattern"
          label="格式（正则表达式，可留空）"
          hint="例如 SN[0-9]{7}；整条 SN 须符合"
          error={problem ?? undefined}
        >
          <input
            id="sn-pattern"
            className="mono"
            spellCheck={false}
            disabled={!enabled}
            value={draft.pattern}
            onChange={(event) => set('pattern')(event.target.value)}
          />
        </Field>
      </div>
      <div className="form-actions">
        <Button onClick={() => void suggest()} disabled={busy}>
          根据已发送的 SN 建议
        </Button>
        <Button kind="primary" type="submit" disabled={problem !== null || busy}>
          保存 SN 格式
        </Button>
      </div>
    </form>
  );
}
