/** The practice ERP's master data: data sets, the store tests edit, and the query methods' answers. */
export type * from './types';
export { practiceMasterData } from './practice';
export { generatedMasterData } from './generated';
export { isValidEan13 } from './ean';
export { createMasterDataStore, type MasterDataDesk } from './store';
export { answerMasterData, isMasterDataMethod } from './methods';
