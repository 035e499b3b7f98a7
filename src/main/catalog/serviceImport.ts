/**
 * A goods-list file import, batch by batch: rows become ProductRecords, one per 商家编码, with every barcode the
 * file gives it. A spec may be spread over several rows and several batches (an export with one row per
 * barcode), so the specs written so far are remembered until the last batch: a later row adds its barcodes
 * to the ones already written instead of replacing them.
 */
import type { CatalogImportRow } from '../../shared/catalog';
import type { ProductRecord } from './types';

interface SpecSoFar {
  goodsName: string;
  specName: string;
  readonly barcodes: string[];
}

export interface ImportGrouper {
  /** The records this batch changes: its new specs and every earlier spec it adds to. */
  add(rows: readonly CatalogImportRow[]): ProductRecord[];
  /** Specs seen in the whole import so far. */
  readonly specCount: number;
}

export function createImportGrouper(): ImportGrouper {
  const specs = new Map<string, SpecSoFar>();
  return {
    add(rows) {
      const touched = new Set<string>();
      for (const row of rows) {
        const specNo = row.specNo.trim();
        if (specNo === '') continue;
        let spec = specs.get(specNo);
        if (!spec) {
          spec = { goodsName: row.goodsName.trim(), specName: row.specName.trim(), barcodes: [] };
          specs.set(specNo, spec);
        }
        // A later row's names fill in what an earlier row left empty; a name already known is kept.
        if (spec.goodsName === '') spec.goodsName = row.goodsName.trim();
        if (spec.specName === '') spec.specName = row.specName.trim();
        for (const raw of row.barcodes) {
          const barcode = raw.trim();
          if (barcode !== '' && !spec.barcodes.includes(barcode)) spec.barcodes.push(barcode);
        }
        touched.add(specNo);
      }
      return [...touched].map((specNo) => {
        const spec = specs.get(specNo) as SpecSoFar;
        return {
          specNo,
          // The goods-list export this reads has no 货品编号 column; nothing in the app needs it.
          goodsNo: '',
          goodsName: spec.goodsName,
          specName: spec.specName,
          barcodes: [...spec.barcodes],
          suite: false,
          deleted: false,
        };
      });
    },
    get specCount() {
      return specs.size;
    },
  };
}
