/** The import pipeline's public surface: shared by the renderer's worker, the dialog and the CLI. */
export { importSpreadsheet, type ImportOutcome, type ImportRequest } from './pipeline';
export {
  buildTemplate,
  buildCatalogTemplate,
  templateFileName,
  CATALOG_TEMPLATE_FILE_NAME,
  INSTRUCTIONS_SHEET,
} from './template';
export { CATALOG_IMPORT_KEY, catalogFields } from './catalogColumns';
export { splitBarcodes } from './importCatalog';
export { buildErrorReport, errorReportFileName, REASON_HEADER, ROW_NUMBER_HEADER } from './errorReport';
export { wireLines, wireSnGroups } from './wireRows';
export { CATALOG_MAX_DATA_ROWS, MAX_DATA_ROWS, MAX_FILE_BYTES } from './limits';
export { LOST_DIGITS } from './readCell';
export type { SheetGrid } from './readSheet';
export { headerSignature } from './columnChoices';
export type {
  ColumnChoices,
  ColumnMapping,
  MappingNeed,
  ImportedLine,
  ImportPhase,
  ImportProblem,
  ImportProgress,
  ImportResult,
  ImportTarget,
  LineQuantity,
  SnGroup,
} from './types';
export { readPastedHeader, headedRecords, type HeadedPaste } from './pastedHeader';
export { pasteTypeWarnings, positionalRecords } from './pasteCheck';
export { fieldNames } from './columns';
