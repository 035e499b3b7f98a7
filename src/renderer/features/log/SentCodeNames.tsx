/**
 * The names of the codes a logged submission sent, from the local catalog: read back from the exact body
 * (parseArgs), so the log shows what went to the ERP, not what a draft holds now.
 */
import { useMemo } from 'react';
import { parseArgs } from '../../../shared/args';
import { getSpec } from '../../../shared/documents';
import { CatalogNames } from '../catalog/CatalogNames';
import { parseBodyArgs } from './logFormat';

export function SentCodeNames({ method, body }: { readonly method: string; readonly body: string }) {
  const spec = getSpec(method);
  const parsed = useMemo(() => {
    const args = parseBodyArgs(body);
    return spec === undefined || args === null ? null : parseArgs(spec, args);
  }, [spec, body]);
  if (spec === undefined || parsed === null || !parsed.ok) return null;
  return (
    <CatalogNames
      spec={spec}
      header={parsed.draft.header}
      lines={parsed.draft.lines}
      title="编码对应的名称"
    />
  );
}
