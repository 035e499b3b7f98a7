/**
 * The one place SheetJS is configured. Loading the code pages lets it read .xls (BIFF) files whose text is
 * stored in the Windows Chinese code page (936) rather than in Unicode, as older Excel and WPS write them.
 */
import * as XLSX from '@e965/xlsx';
import * as codePages from '@e965/xlsx/dist/cpexcel.full.mjs';

XLSX.set_cptable(codePages);

/** The read options every caller uses, so the bench's "bare parse" measures exactly what the import does. */
export const readOptions: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellText: true,
  cellNF: true,
  cellDates: false,
  cellHTML: false,
  cellStyles: false,
};

export { XLSX };
