/**
 * "复制为新单据" from the log: the arguments that were sent become a new, unsent draft on that document's
 * screen. The external number is cleared, because reusing it would be a duplicate the ERP refuses; where
 * new documents get a generated number by default (OuterOut), the copy gets a fresh one. A draft the user
 * is working on is replaced only after they agree.
 */
import { parseArgs } from '../../shared/args';
import { getSpec } from '../../shared/documents';
import type { DocumentSpec, RawRecord, RawValue } from '../../shared/spec';
import { withDefaultExternalNo } from '../features/documents/externalNo';
import { isEmptyRow } from '../features/documents/gridOps';
import { loadDocDraft } from '../features/documents/documentDraftSync';
import { getDoc, replaceDocContent } from '../features/documents/documentStore';
import { showNotice } from '../stores/noticeStore';

export interface PreparedCopy {
  readonly spec: DocumentSpec;
  readonly header: RawRecord;
  readonly lines: readonly RawRecord[];
  readonly clearedExternalNo: boolean;
  /** A fresh external number was generated for the copy. */
  readonly generatedExternalNo: boolean;
  /** True when the screen holds a draft with content that the copy would replace. */
  readonly replacesWork: boolean;
}

export async function prepareCopy(method: string, args: unknown[]): Promise<PreparedCopy | null> {
  const spec = getSpec(method);
  if (!spec) {
    showNotice('error', `未知的单据类型：${method}`);
    return null;
  }
  const parsed = parseArgs(spec, args);
  if (!parsed.ok) {
    showNotice('error', `无法复制这条记录：${parsed.problems[0]?.message ?? '参数无法识别'}`);
    return null;
  }
  // Read the screen's saved draft first, so it cannot arrive later and overwrite the copy.
  await loadDocDraft(spec);
  const doc = getDoc(method);
  const externalNo = spec.externalNoField;
  const cleared: Record<string, RawValue> = Object.fromEntries(
    Object.entries(parsed.draft.header).filter(([key]) => key !== externalNo),
  );
  const header = withDefaultExternalNo(spec, cleared);
  return {
    spec,
    header,
    generatedExternalNo: header !== cleared,
    lines: parsed.draft.lines,
    clearedExternalNo: externalNo !== undefined && parsed.draft.header[externalNo] !== undefined,
    replacesWork: doc !== undefined && !doc.pristine && doc.lines.some((line) => !isEmptyRow(line)),
  };
}

export function applyCopy(copy: PreparedCopy): void {
  replaceDocContent(copy.spec, copy.header, copy.lines);
  showNotice('info', `已复制为新单据${externalNoNote(copy)}。检查后再提交。`);
}

function externalNoNote(copy: PreparedCopy): string {
  if (!copy.clearedExternalNo) return '';
  return copy.generatedExternalNo ? '，外部单号已换成新生成的单号' : '，外部单号已清空，可点"生成单号"';
}
