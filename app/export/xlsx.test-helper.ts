import * as ExcelJSModule from "exceljs";

// Reading an exported workbook back in tests, with exceljs's own reader.

export const ExcelJS =
  (ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule;

export async function readWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types predate Node's generic Buffer; it reads any Node Buffer.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}
