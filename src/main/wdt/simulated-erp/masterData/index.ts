/** The practice ERP's master data: data sets, the store tests edit, and the query methods' answers. */
export type * from './types';
export { ROLE_PURCHASER } from './types';
export { practiceMasterData, type PracticeDataOptions } from './practice';
export { generatedMasterData, type GeneratedDataOptions } from './generated';
export { ean13, ean13CheckDigit, isValidEan13 } from './ean';
export {
  createMasterDataStore,
  type MasterDataCounts,
  type MasterDataDesk,
  type MasterDataStore,
  type SpecChange,
  type SuiteChange,
} from './store';
export { answerMasterData, isMasterDataMethod, masterDataMethods } from './methods';
