/**
 * One product on several detail lines. The vendor's error table gives the ERP's two answers:
 * - lines equal in product, position, batch and expiry are refused in every setting
 *   (货品列表中有相同商家编码、货位、批次、有效期的货品): an error here, with a one-click 合并;
 * - lines sharing only the product are refused unless the seller ticked 允许添加相同的货品（货位、批次、有效期
 *   不同）(货品列表中有相同商家编码的货品！): the client cannot know the setting, so it is a notice.
 * "Equal" compares every identity field the page has (商家编码 and, where present, 货位, 批次, 有效期, 残次品),
 * with an absent yes/no taken as its documented default, no.
 */
import type { CleanRecord, CleanValue, CrossRule, FieldSpec, LineIdentity, Problem } from '../spec';
import { canonicalJson, errorAt, lineField, noticeAt, rowName } from './rules';

const SAME_GOODS_SETTING = '允许添加相同的货品（货位、批次、有效期不同）';

/** The value as the ERP compares it: a yes/no left out means no, a text left out means none. */
function identityText(field: FieldSpec, value: CleanValue | undefined): string {
  if (field.type.kind === 'boolean' || field.type.kind === 'flag') {
    return value === true || value === 1 ? '1' : '0';
  }
  return value === undefined ? '' : canonicalJson(value);
}

export function identityKey(identity: LineIdentity, line: CleanRecord): string {
  return canonicalJson(identity.fields.map((field) => identityText(field, line[field.key])));
}

/** The fields 合并 neither compares nor adds up: they must agree (or be blank) on every merged line. */
export function carriedFields(identity: LineIdentity, lineFields: readonly FieldSpec[]): FieldSpec[] {
  const handled = new Set(
    [...identity.fields, identity.quantity, identity.sns].flatMap((field) => (field ? [field.key] : [])),
  );
  return lineFields.filter((field) => !handled.has(field.key));
}

/** Carried fields given different values on the lines, which a one-click merge would have to choose between. */
export function conflictingFields(fields: readonly FieldSpec[], lines: readonly CleanRecord[]): FieldSpec[] {
  return fields.filter((field) => {
    const values = new Set(
      lines.flatMap((line) => (line[field.key] === undefined ? [] : [canonicalJson(line[field.key])])),
    );
    return values.size > 1;
  });
}

function labels(fields: readonly FieldSpec[]): string {
  return fields.map((field) => field.label).join('、');
}

export function sameStockLines(identity: LineIdentity, lineFields: readonly FieldSpec[]): CrossRule {
  const [product] = identity.fields;
  const carried = carriedFields(identity, lineFields);
  const mergeNote = identity.sns
    ? `可点“合并”：数量相加，${identity.sns.label}合在一起`
    : '可点“合并”：数量相加';

  return ({ lines }) => {
    const groups = new Map<string, number[]>();
    const firstOfProduct = new Map<string, number>();
    lines.forEach((line, row) => {
      const productValue = line[product.key];
      // A line without its product has already been refused on its own.
      if (typeof productValue !== 'string') return;
      const key = identityKey(identity, line);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
      if (!firstOfProduct.has(productValue)) firstOfProduct.set(productValue, row);
    });
    const groupOfRow = new Map<number, readonly number[]>();
    for (const group of groups.values()) for (const row of group) groupOfRow.set(row, group);

    const problems: Problem[] = [];
    lines.forEach((line, row) => {
      const group = groupOfRow.get(row);
      const productValue = line[product.key];
      if (group === undefined || typeof productValue !== 'string') return;
      const first = group[0] ?? row;
      const path = lineField(row, product.key);
      if (first !== row) {
        const conflicts = conflictingFields(
          carried,
          group.map((index) => lines[index] ?? {}),
        );
        const advice =
          conflicts.length === 0 ? mergeNote : `这几行的 ${labels(conflicts)} 不同，请手工合并为一行`;
        const message =
          `与${rowName(first)}的 ${labels(identity.fields)} 都相同，ERP 不接受` +
          `（货品列表中有相同商家编码、货位、批次、有效期的货品）。${advice}`;
        const problem = errorAt(path, message);
        problems.push(
          conflicts.length === 0 ? { ...problem, fix: { kind: 'mergeLines', rows: group } } : problem,
        );
        return;
      }
      const productFirst = firstOfProduct.get(productValue) ?? row;
      if (productFirst === row) return;
      const other = lines[productFirst] ?? {};
      const differing = identity.fields.filter(
        (field) => identityText(field, line[field.key]) !== identityText(field, other[field.key]),
      );
      problems.push(
        noticeAt(
          path,
          `${product.label} "${productValue}" 已在${rowName(productFirst)}出现（${labels(differing)} 不同）。` +
            `ERP 是否接受取决于其设置“${SAME_GOODS_SETTING}”：未勾选时会拒绝（货品列表中有相同商家编码的货品！）`,
        ),
      );
    });
    return problems;
  };
}
