/**
 * The serial numbers a submission sends, read from its body. Only two methods carry SNs, each in its own
 * wire form (the vendor pages differ on purpose):
 *   wms.stockout.Base.uploadSN      [order, details]  details[i].sn_list: string[]
 *   wms.outer.OuterOut.createOrder  [order, details, is_check]  details[i].sn_list: "sn1,sn2,sn3"
 * The scanner uses these, through the journal, to refuse an SN that an earlier submission already created.
 */
import { parseJsonOrUndefined } from '../../shared/json';

export const snCarryingMethods: ReadonlySet<string> = new Set([
  'wms.stockout.Base.uploadSN',
  'wms.outer.OuterOut.createOrder',
]);

/** The SNs in `body` (the JSON argument array) for an SN-carrying method; [] for anything else. */
export function extractSns(method: string, body: string): string[] {
  if (!snCarryingMethods.has(method)) return [];
  const args = parseJsonOrUndefined(body);
  const details = Array.isArray(args) ? (args[1] as unknown) : undefined;
  if (!Array.isArray(details)) return [];
  const sns: string[] = [];
  for (const detail of details) {
    const list: unknown =
      typeof detail === 'object' && detail !== null ? Reflect.get(detail, 'sn_list') : undefined;
    const items = typeof list === 'string' ? list.split(',') : Array.isArray(list) ? list : [];
    for (const item of items) {
      if (typeof item !== 'string') continue;
      const sn = item.trim();
      if (sn !== '') sns.push(sn);
    }
  }
  return sns;
}
