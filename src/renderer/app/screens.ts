/**
 * The screens the left-hand navigation offers, in order: one per document method (from the spec
 * registry, so a sixth spec adds a sixth screen), then the log and the settings.
 */
import { documentSpecs } from '../../shared/documents';

export type ScreenId =
  | { readonly kind: 'document'; readonly method: string }
  | { readonly kind: 'log' }
  | { readonly kind: 'settings' };

interface ScreenEntry {
  readonly id: ScreenId;
  readonly label: string;
  /** Alt+<key> jumps to the screen, so the keyboard alone can move around. */
  readonly accessKey: string;
}

export const screens: readonly ScreenEntry[] = [
  ...documentSpecs.map((spec, index) => ({
    id: { kind: 'document', method: spec.method } as const,
    label: spec.title,
    accessKey: String(index + 1),
  })),
  { id: { kind: 'log' }, label: '提交记录', accessKey: 'L' },
  { id: { kind: 'settings' }, label: '设置', accessKey: 'S' },
];

export function sameScreen(a: ScreenId, b: ScreenId): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'document' || (b.kind === 'document' && a.method === b.method);
}
