/**
 * "预览": the document that would be sent now, as a form and a table; the exact argument array and the
 * method name stay under a toggle for support (there is no secret in the renderer).
 * An outer transfer's remark shows where its 核对 reference goes; the reference itself comes from the
 * journal entry, which exists only once the document is sent (shared/transferReference.ts).
 */
import { useMemo } from 'react';
import { buildArgs } from '../../../shared/args';
import { defaultSettings } from '../../../shared/profile';
import {
  argsWithTransferReference,
  OUTER_TRANSFER_METHOD,
  TRANSFER_REFERENCE_PLACEHOLDER,
} from '../../../shared/transferReference';
import { useAppSettings } from '../../stores/profileStore';
import type { DocumentSpec, RawRecord } from '../../../shared/spec';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showNotice } from '../../stores/noticeStore';
import { CatalogNames } from '../catalog/CatalogNames';
import { readSentDocument } from '../../../shared/sentDocument';
import { SentHeaderFields, SentLinesTable } from '../log/SentDocumentView';
import { errorCount, validateForScreen } from './docModel';
import type { GridRow } from './gridOps';

/** Beyond this a <pre> makes the dialog sluggish on an old PC; the copy button still gives everything. */
const PREVIEW_CHARS = 200_000;

interface PreviewDialogProps {
  readonly spec: DocumentSpec;
  readonly header: RawRecord;
  readonly lines: readonly GridRow[];
  readonly onClose: () => void;
}

export function PreviewDialog({ spec, header, lines, onClose }: PreviewDialogProps) {
  const settings = useAppSettings();
  const referenced =
    spec.method === OUTER_TRANSFER_METHOD && (settings ?? defaultSettings).outerTransferReference;
  const preview = useMemo(() => {
    const result = validateForScreen(spec, header, lines);
    if (!result.document) return { ok: false as const, errors: errorCount(result.problems) };
    const args = buildArgs(spec, result.document);
    const shown = referenced
      ? argsWithTransferReference(spec.method, args, TRANSFER_REFERENCE_PLACEHOLDER)
      : args;
    return {
      ok: true as const,
      text: JSON.stringify(shown, null, 2),
      sent: readSentDocument(spec.method, JSON.stringify(shown)),
    };
  }, [spec, header, lines, referenced]);

  const copy = async () => {
    if (!preview.ok) return;
    try {
      await navigator.clipboard.writeText(preview.text);
      showNotice('success', '已复制');
    } catch {
      showNotice('error', '无法写入剪贴板');
    }
  };

  return (
    <Dialog
      title={`预览：${spec.title}`}
      onClose={onClose}
      wide
      actions={
        <>
          {preview.ok && <Button onClick={() => void copy()}>复制</Button>}
          <Button kind="primary" onClick={onClose} data-autofocus>
            关闭
          </Button>
        </>
      }
    >
      {preview.ok ? (
        <>
          <p className="muted">按"提交"后发送给旺店通 ERP 的就是下面的内容。请核对表头和明细。</p>
          {referenced && (
            <p className="muted" data-testid="transfer-reference-note">
              备注末尾的 {TRANSFER_REFERENCE_PLACEHOLDER} 是核对参考号：提交时换成由本次提交记录生成的 6
              位编号（如 #K7Q2XM）。外仓调拨没有外部单号，结果未知时程序凭它在 ERP
              的调拨单中认出这一张，确认是否已创建，避免重复调拨。可在设置中关闭。
            </p>
          )}
          {preview.sent !== null && (
            <>
              <SentHeaderFields sent={preview.sent} />
              <SentLinesTable sent={preview.sent} />
            </>
          )}
          <CatalogNames spec={spec} header={header} lines={lines} />
          <details className="preview-raw">
            <summary>原始内容（供技术支持）</summary>
            <p className="muted">
              接口 <span className="mono">{spec.method}</span>；发送时程序会加上签名。
            </p>
            <pre className="preview-json" aria-label="参数预览" tabIndex={0}>
              {preview.text.length > PREVIEW_CHARS
                ? `${preview.text.slice(0, PREVIEW_CHARS)}\n…`
                : preview.text}
            </pre>
            {preview.text.length > PREVIEW_CHARS && (
              <p className="muted">内容较长，只显示前 {PREVIEW_CHARS} 个字符；"复制"可得到全部内容。</p>
            )}
          </details>
        </>
      ) : (
        <p role="alert">还有 {preview.errors} 个问题，修正后才能生成要发送的参数。</p>
      )}
    </Dialog>
  );
}
