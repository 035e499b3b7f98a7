/** "下载模板": the document's import template, built from its spec on click. */
import { buildTemplate, templateFileName, type ImportTarget } from '../../../shared/import';
import type { DocumentSpec } from '../../../shared/spec';
import { saveBytesAs } from '../../ui/download';
import './import.css';

interface TemplateButtonProps {
  readonly spec: DocumentSpec;
  readonly target?: ImportTarget;
}

export function TemplateButton({ spec, target = 'lines' }: TemplateButtonProps) {
  return (
    <button
      type="button"
      className="import-template-button"
      title={`下载「${spec.title}」的${target === 'lines' ? '明细' : '序列号'}导入模板`}
      onClick={() => saveBytesAs(templateFileName(spec, target), buildTemplate(spec, target))}
    >
      下载模板
    </button>
  );
}
