/** The registry of document specs: adding a method means adding its spec file and one line here. */
import type { DocumentSpec } from '../spec';
import { outerOutSpec } from './outerOut';
import { outerTransferSpec } from './outerTransfer';
import { purchaseOrderSpec } from './purchaseOrder';
import { purchaseReturnSpec } from './purchaseReturn';
import { uploadSnSpec } from './uploadSn';

export const documentSpecs: readonly DocumentSpec[] = [
  outerOutSpec,
  outerTransferSpec,
  purchaseReturnSpec,
  purchaseOrderSpec,
  uploadSnSpec,
];

export const methodNames: readonly string[] = documentSpecs.map((spec) => spec.method);

const specsByMethod = new Map(documentSpecs.map((spec) => [spec.method, spec]));

export function getSpec(method: string): DocumentSpec | undefined {
  return specsByMethod.get(method);
}

export { outerOutSpec, outerTransferSpec, purchaseReturnSpec, purchaseOrderSpec, uploadSnSpec };
