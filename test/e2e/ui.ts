/**
 * How the e2e tests use the app: the way a person does, through labels, roles and the keyboard. Each helper
 * waits for what it needs (Playwright's auto-waiting locators, vitest's expect.poll) instead of sleeping.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Generous for a 2-core machine running Chromium next to the app core, still bounded. */
export const uiTimeoutMs = 10_000;

/** Opens a screen from the left-hand navigation (the link text is the screen's title). */
export async function openScreen(page: Page, title: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: '功能' });
  await nav.getByRole('link', { name: new RegExp(`^${title}`) }).click();
}

/** The visible document screen with this title, once its draft has been read. */
export async function documentScreen(page: Page, title: string): Promise<Locator> {
  const screen = page
    .locator('.doc-screen')
    .filter({ has: page.getByRole('heading', { level: 1, name: title, exact: true }) });
  await screen.getByRole('grid').waitFor({ timeout: uiTimeoutMs });
  return screen;
}

/** Opens a document's screen and returns it, ready for typing. */
export async function openDocument(page: Page, title: string): Promise<Locator> {
  await openScreen(page, title);
  return documentScreen(page, title);
}

/** Types into a header text field found by its label, replacing what was there. */
export async function typeHeader(screen: Locator, label: string, text: string): Promise<void> {
  const input = screen.getByRole('form').getByLabel(label, { exact: true });
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(text);
}

/** Picks an option of a header select (enum or yes/no) by the text the user reads in the list. */
export async function chooseHeader(screen: Locator, label: string, optionText: string): Promise<void> {
  const select = screen.getByRole('form').getByLabel(label, { exact: true });
  const options = await select.locator('option').allTextContents();
  const match =
    options.find((text) => text === optionText) ?? options.find((text) => text.includes(optionText));
  if (match === undefined)
    throw new Error(`"${label}" has no option "${optionText}": ${options.join(' / ')}`);
  await select.selectOption({ label: match });
}

/** The header control's current value as the user sees it in the box. */
export function headerValue(screen: Locator, label: string): Promise<string> {
  return screen.getByRole('form').getByLabel(label, { exact: true }).inputValue();
}

/** The grid's text box, which always sits at the active cell. */
function activeCellInput(screen: Locator): Locator {
  return screen.getByRole('grid').locator('input.grid-input');
}

/**
 * Types detail rows from the grid's first cell, as a person at a keyboard does: a value, Tab to the next
 * column, Enter + Home for the next row (Enter below the last row opens a new one). An empty string skips a
 * column. A value in an SN column (one SN per line) goes through the SN editor: F2, the SNs, Ctrl+Enter.
 */
export async function typeGridRows(
  page: Page,
  screen: Locator,
  rows: readonly (readonly string[])[],
): Promise<void> {
  await screen.getByRole('grid').locator('[role="gridcell"][data-row="0"][data-col="0"]').click();
  for (const [rowIndex, row] of rows.entries()) {
    if (rowIndex > 0) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
    }
    for (const [colIndex, value] of row.entries()) {
      if (colIndex > 0) await page.keyboard.press('Tab');
      await expect
        .poll(() => activeCellPosition(screen), { timeout: uiTimeoutMs })
        .toEqual([rowIndex, colIndex]);
      if (value === '') continue;
      if (await activeCellInput(screen).evaluate((input) => (input as HTMLInputElement).readOnly)) {
        await typeSns(page, value.split('\n'));
      } else {
        await page.keyboard.type(value);
      }
    }
  }
}

/**
 * [row, column on screen] of the focused grid cell, or null when the focus is elsewhere. Columns show in the
 * order of use (data-col is the spec's index), and Tab follows the screen.
 */
function activeCellPosition(screen: Locator): Promise<readonly [number, number] | null> {
  return screen.getByRole('grid').evaluate((grid) => {
    const cell = document.activeElement?.closest('[role="gridcell"]');
    if (!(cell instanceof HTMLElement) || !grid.contains(cell)) return null;
    return [Number(cell.dataset['row']), Number(cell.getAttribute('aria-colindex')) - 2] as const;
  });
}

/** In the SN editor opened from the focused SN cell: one SN per line, as a scanner sends them. */
async function typeSns(page: Page, sns: readonly string[]): Promise<void> {
  await page.keyboard.press('F2');
  const editor = page.getByRole('dialog').getByRole('textbox');
  await editor.waitFor({ timeout: uiTimeoutMs });
  for (const [index, sn] of sns.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(sn);
  }
  await page.keyboard.press('Control+Enter');
  await editor.waitFor({ state: 'detached', timeout: uiTimeoutMs });
}

/** The text the grid shows in one cell (the active cell's box value, or the cell's text otherwise). */
export async function gridCellText(screen: Locator, row: number, col: number): Promise<string> {
  const cell = screen.getByRole('grid').locator(`[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
  const input = cell.locator('input');
  return (await input.count()) > 0 ? input.inputValue() : ((await cell.textContent()) ?? '');
}

/** "共 N 行" in the grid toolbar. */
export async function gridRowCount(screen: Locator): Promise<number> {
  const text = (await screen.getByRole('toolbar', { name: '明细操作' }).textContent()) ?? '';
  const match = /共\s*(\d+)\s*行/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/** The submit button when nothing stands in the way (its name then is exactly 提交). */
export function submitButton(screen: Locator): Locator {
  return screen.getByRole('button', { name: '提交', exact: true });
}

/** Submits and returns the result panel that appears above the form. */
export async function submit(screen: Locator): Promise<Locator> {
  await submitButton(screen).click();
  const panel = screen.locator('.result');
  await panel.waitFor({ timeout: uiTimeoutMs });
  return panel;
}

/** The text of a locator with whitespace collapsed, for assertions on what is read on screen. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
