/** The import pipeline's public surface: shared by the renderer's worker, the dialog and the CLI. */
export { importSpreadsheet, type ImportOutcome } from './pipeline';
export {
  buildTemplate,
  buildCatalogTemplate,
  templateFileName,
  CATALOG_TEMPLATE_FILE_NAME,
  INSTRUCTIONS_SHEET,
} from './template';
export { CATALOG_IMPORT_KEY } from './catalogColumns';
export { splitBarcodes } from './importCatalog';
export { buildErrorReport, errorReportFileName } from './errorReport';
export { wireLines, wireSnGroups } from './wireRows';
export { MAX_FILE_BYTES } from './limits';
export { LOST_DIGITS } from './readCell';
export { headerSignature } from './columnChoices';
export type {
  ColumnChoices,
  MappingNeed,
  ImportProblem,
  ImportProgress,
  ImportResult,
  ImportTarget,
  LineQuantity,
} from './types';
