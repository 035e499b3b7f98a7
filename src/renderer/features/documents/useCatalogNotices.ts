/**
 * The catalog's notices for the document being edited: codes the catalog lacks and a purchaser without the
 * role. They are listed with the problems but never block sending (the catalog may be out of date), and
 * there are none while the catalog is empty. Checked after a pause in typing, like validation, and only the
 * codes not asked for before cost a lookup.
 */
import { useEffect, useState } from 'react';
import type { DocumentSpec, Problem } from '../../../shared/spec';
import { cachedMatch, lookupCodes } from '../catalog/catalogLookup';
import { catalogNotices, codesByKind, codesInDocument } from '../catalog/catalogCodes';
import { useCatalogHasRecords, useCatalogVersion } from '../catalog/catalogState';
import { useDocHeader, useDocLines, useDocLoaded } from './documentStore';
import { validationDelayMs } from './useDocValidation';

const NONE: readonly Problem[] = [];

export function useCatalogNotices(spec: DocumentSpec): readonly Problem[] {
  const header = useDocHeader(spec.method);
  const lines = useDocLines(spec.method);
  const loaded = useDocLoaded(spec.method);
  const hasRecords = useCatalogHasRecords();
  const version = useCatalogVersion();
  const [notices, setNotices] = useState<readonly Problem[]>(NONE);

  useEffect(() => {
    if (!loaded || !hasRecords) {
      const timer = setTimeout(() => setNotices(NONE), 0);
      return () => clearTimeout(timer);
    }
    let cancelled = false;
    const timer = setTimeout(
      () => {
        void (async () => {
          const byKind = codesByKind(codesInDocument(spec, header, lines));
          await Promise.all([...byKind].map(([kind, codes]) => lookupCodes(kind, codes)));
          if (cancelled) return;
          const next = catalogNotices(spec, header, lines, cachedMatch);
          setNotices(next.length === 0 ? NONE : next);
        })();
      },
      validationDelayMs(lines) + 100,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [spec, header, lines, loaded, hasRecords, version]);

  return notices;
}
