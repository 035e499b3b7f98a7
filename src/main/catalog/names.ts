/**
 * The in-memory name indexes of one catalog (see nameIndex.ts): built from the database when it is opened
 * and kept in step by every write, after its transaction commits.
 */
import { NameIndex } from './nameIndex';
import { flag, text, type Statements } from './statements';

/** What a name match shows: the suggestion's value, label and note, and the employee's role. */
export interface NameEntry {
  readonly value: string;
  readonly label: string;
  readonly note?: string;
  readonly purchaser?: boolean;
  readonly disabled?: boolean;
}

const SUITE_NOTE = '组合装';
export const DISABLED_NOTE = '已停用';
export const NOT_PURCHASER_NOTE = '非采购员';

const productLabel = (goodsName: string, specName: string): string =>
  specName === '' ? goodsName : goodsName === '' ? specName : `${goodsName} ${specName}`;

export const productEntry = (
  specNo: string,
  goodsName: string,
  specName: string,
  suite: boolean,
): NameEntry =>
  suite
    ? { value: specNo, label: productLabel(goodsName, specName), note: SUITE_NOTE }
    : { value: specNo, label: productLabel(goodsName, specName) };

export const namedEntry = (value: string, label: string, disabled: boolean): NameEntry =>
  disabled ? { value, label, note: DISABLED_NOTE, disabled } : { value, label };

export const employeeEntry = (
  nickname: string,
  name: string,
  purchaser: boolean,
  disabled: boolean,
): NameEntry =>
  disabled
    ? { value: nickname, label: name, note: DISABLED_NOTE, purchaser, disabled }
    : { value: nickname, label: name, purchaser };

export class NameIndexes {
  readonly products = new NameIndex<NameEntry>();
  readonly warehouses = new NameIndex<NameEntry>();
  readonly providers = new NameIndex<NameEntry>();
  /** Keyed by employee_no; searched by nickname and name. */
  readonly employees = new NameIndex<NameEntry>();

  setProduct(specNo: string, goodsName: string, specName: string, suite: boolean): void {
    // The label (goods and spec name) is the searched text too, so one string serves both.
    const entry = productEntry(specNo, goodsName, specName, suite);
    this.products.set(specNo, entry.label, entry);
  }

  setWarehouse(code: string, name: string, disabled: boolean): void {
    this.warehouses.set(code, name, namedEntry(code, name, disabled));
  }

  setProvider(code: string, name: string, disabled: boolean): void {
    this.providers.set(code, name, namedEntry(code, name, disabled));
  }

  setEmployee(
    employeeNo: string,
    nickname: string,
    name: string,
    purchaser: boolean,
    disabled: boolean,
  ): void {
    this.employees.set(employeeNo, `${nickname} ${name}`, employeeEntry(nickname, name, purchaser, disabled));
  }

  /** Builds every index from the tables (after opening a file). */
  load(sql: Statements): void {
    this.loadSmall(sql);
    for (let after: string | undefined = ''; after !== undefined;)
      after = this.loadProducts(sql, after, PRODUCT_CHUNK);
  }

  /** Warehouses, suppliers and employees: a few thousand rows at most. */
  loadSmall(sql: Statements): void {
    const rows = (select: string): unknown[][] => sql.jsonRows(select);
    for (const row of rows(
      'SELECT json_group_array(json_array(warehouse_no, name, disabled)) FROM warehouses',
    ))
      this.setWarehouse(text(row[0]), text(row[1]), flag(row[2]));
    for (const row of rows(
      'SELECT json_group_array(json_array(provider_no, provider_name, disabled)) FROM providers',
    ))
      this.setProvider(text(row[0]), text(row[1]), flag(row[2]));
    for (const row of rows(
      'SELECT json_group_array(json_array(employee_no, nickname, name, purchaser, disabled)) FROM employees',
    ))
      this.setEmployee(text(row[0]), text(row[1]), text(row[2]), flag(row[3]), flag(row[4]));
  }

  /**
   * Up to `size` products after spec_no `after` (in spec_no order) into the index; the last spec_no read,
   * or undefined when none are left (then the index is trimmed). A write between two chunks updates the
   * index itself, and a later chunk reads the table as it is then, so the two never disagree.
   */
  loadProducts(sql: Statements, after: string, size: number): string | undefined {
    const rows = sql.jsonRows(
      'SELECT json_group_array(json_array(spec_no, goods_name, spec_name, suite)) FROM ' +
        '(SELECT spec_no, goods_name, spec_name, suite FROM products WHERE spec_no > ? ORDER BY spec_no LIMIT ?)',
      [after, size],
    );
    for (const row of rows) this.setProduct(text(row[0]), text(row[1]), text(row[2]), flag(row[3]));
    const last = rows.at(-1);
    if (rows.length < size || last === undefined) {
      this.products.trim();
      return undefined;
    }
    return text(last[0]);
  }
}

/** Products per chunk of a load: about 0.1 s of work on a busy PC. */
export const PRODUCT_CHUNK = 20_000;
