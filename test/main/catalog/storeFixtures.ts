/** Small catalog records for the store tests. */
import type {
  EmployeeRecord,
  ProductRecord,
  ProviderRecord,
  WarehouseRecord,
} from '../../../src/main/catalog/types';

export function spec(
  specNo: string,
  goodsName: string,
  specName: string,
  barcodes: string[] = [],
): ProductRecord {
  return { specNo, goodsNo: `G-${specNo}`, goodsName, specName, barcodes, suite: false, deleted: false };
}

export function suite(suiteNo: string, name: string, barcodes: string[] = []): ProductRecord {
  return {
    specNo: suiteNo,
    goodsNo: '',
    goodsName: name,
    specName: '',
    barcodes,
    suite: true,
    deleted: false,
  };
}

export const deletedProduct = (record: ProductRecord): ProductRecord => ({ ...record, deleted: true });

export function warehouse(warehouseNo: string, name: string, disabled = false): WarehouseRecord {
  return { warehouseNo, name, disabled, deleted: false };
}

export function provider(providerNo: string, providerName: string, disabled = false): ProviderRecord {
  return { providerNo, providerName, disabled, deleted: false };
}

export function employee(
  employeeNo: string,
  nickname: string,
  name: string,
  purchaser: boolean,
  disabled = false,
): EmployeeRecord {
  return { employeeNo, nickname, name, purchaser, disabled, deleted: false };
}
