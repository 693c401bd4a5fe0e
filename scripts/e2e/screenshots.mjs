#!/usr/bin/env node
// Takes the README pictures in a real VS Code (code-server's web workbench in a headless
// Chromium), working the editor as a person does: open a file from the Explorer, point at a
// name, type, press Ctrl+Space and Ctrl+., open the Problems panel.
//
//   npm run screenshots            -> docs/images/*.webp
//
// Environment: E2E_EXTENSION=vsix|dev, E2E_VSIX, E2E_SKIP_BUILD, E2E_KEEP, CHROMIUM_PATH as for
// `npm run test:e2e`; SCREENSHOTS_DIR=dir writes the pictures elsewhere.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  HarnessError,
  runMain,
  buildExtension,
  checkNode,
  ensureHost,
  envFlag,
  extensionDir,
  extensionMode,
  findChromium,
  installVsix,
  launchBrowser,
  log,
  makeRunDir,
  onCleanup,
  remoteUri,
  repoRoot,
  startCodeServer,
  stopProcessGroup,
  workbenchUrl,
} from './lib.mjs';

const DEMO_FILE = '0015650a1b2c.cfg';
// A clean phone file for the outline and the inlay hints.
const CLEAN_FILE = '0015650a1b2d.cfg';
// A MAC file of a site folder (a boot file, a common file, two MAC files).
const SITE_FILE = '0015650c0ffe.cfg';
const outDir = path.resolve(process.env.SCREENSHOTS_DIR || path.join(repoRoot, 'docs', 'images'));
const VIEWPORT = { width: 1600, height: 760 };
const SCALE = 2; // device pixels per CSS pixel: crisp text in the README

async function main() {
  checkNode();
  findChromium();
  const mode = extensionMode();
  ensureHost();
  const vsix = buildExtension(mode);

  const { dir: runDir, workspace } = makeRunDir({
    prefix: 'yealink-shots-',
    workspaceSource: path.join(repoRoot, 'test', 'e2e', 'demo-workspace'),
    userSettings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.fontSize': 14,
      'editor.lineHeight': 21,
      'editor.hover.delay': 200,
      'editor.quickSuggestions': { other: true, comments: false, strings: true },
      'editor.suggest.showStatusBar': false,
      'editor.renderWhitespace': 'none',
      'editor.glyphMargin': false,
      'editor.lightbulb.enabled': 'off',
      'breadcrumbs.enabled': false,
      'workbench.layoutControl.enabled': false,
      'workbench.editor.enablePreview': false,
      'problems.showCurrentInStatus': false,
      'files.autoSave': 'off',
      'outline.collapseItems': 'alwaysExpand',
    },
  });
  let server;
  let browser;
  const cleanup = onCleanup(async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await stopProcessGroup(server.child);
    if (envFlag('E2E_KEEP')) log(`kept ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true });
  });

  try {
    if (vsix) installVsix(runDir, vsix);
    server = await startCodeServer(runDir);
    browser = await launchBrowser(runDir);
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: SCALE });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const payload = mode === 'dev' ? [['extensionDevelopmentPath', remoteUri(server, extensionDir())]] : undefined;
    await page.goto(workbenchUrl(server, workspace, payload));
    await page.locator('.monaco-workbench').waitFor();
    fs.mkdirSync(outDir, { recursive: true });
    const shots = new Shots(page);

    // Open the phone's file from the Explorer, like a person would.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: DEMO_FILE });
    await row.waitFor();
    await row.click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'failback_mode' }).waitFor();
    const editor = page.locator('.editor-group-container .monaco-editor').first();
    // the language server has checked the file when the squiggles show
    await editor.locator('.squiggly-error').first().waitFor();
    await editor.locator('.squiggly-warning').first().waitFor();

    // Give the editor the whole width (the pictures show the editor, not the Explorer).
    await runCommand(page, 'View: Close Primary Side Bar');

    // 1. Diagnostics: squiggles in the editor and the Problems panel.
    await runCommand(page, 'View: Focus Problems');
    const problems = page.locator('.markers-panel .monaco-list-row');
    await problems.filter({ hasText: 'is out of range' }).first().waitFor();
    await problems.filter({ hasText: 'Unknown parameter' }).first().waitFor();
    // back in the editor, on the empty last line (no word under the cursor to highlight)
    await lineLocator(page, 'transprot_type').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await stable(page.locator('.part.panel'));
    // the editor and the panel down to its last problem
    await shots.take('diagnostics.webp', [page.locator('.part.editor'), problems.last()], { pad: 0, padBottom: 10 });
    await runCommand(page, 'View: Hide Panel');

    // 2. Hover card of account.1.sip_server.1.failback_mode. VS Code caps a hover at a quarter of
    //    the editor's height: a tall window lets the whole card show without scrolling.
    await page.setViewportSize({ width: VIEWPORT.width, height: 2000 });
    await stable(editor);
    const hoverAt = await textPoint(page, 'account.1.sip_server.1.failback_mode = 7', 'failback_mode');
    await page.mouse.move(hoverAt.x - 40, hoverAt.y + 60);
    await page.mouse.move(hoverAt.x, hoverAt.y, { steps: 5 });
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Permitted values' });
    await hover.waitFor();
    await stable(hover);
    await shots.take('hover.webp', [hover, lineText(page, 'expires = 5'), lineText(page, 'failback_mode = 7')], { pad: 12, padTop: 2 });
    await page.mouse.move(5, 5);
    await hover.waitFor({ state: 'hidden' });
    await page.setViewportSize(VIEWPORT);
    await stable(editor);

    // 3. Value completion: on the empty last line, type a name and " = "; the permitted values
    //    come up, and Ctrl+Space shows the selected one's meaning beside the list; its frame is
    //    dragged taller when the text does not fit.
    await lineLocator(page, 'transprot_type').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('account.1.sip_server.2.failback_mode = ', { delay: 20 });
    let suggest = page.locator('.suggest-widget.visible');
    if (!(await suggest.isVisible())) await page.keyboard.press('Control+Space');
    await suggest.locator('.monaco-list-row', { hasText: '3' }).first().waitFor();
    await showSuggestDetails(page, true);
    await growDetailsToFit(page);
    await shots.take(
      'completion-values.webp',
      [suggest, page.locator('.suggest-details-container .suggest-details'), lineText(page, 'transprot_type'), lineText(page, 'sip_server.2.failback_mode =')],
      { pad: 12, padTop: 2 },
    );
    await page.keyboard.press('Escape');

    // 4. Name completion: type the start of a name; the matching names come up.
    await selectLineAndType(page, 'account.1.sip_server.1.fa');
    suggest = page.locator('.suggest-widget.visible');
    if (!(await suggest.isVisible())) await page.keyboard.press('Control+Space');
    await suggest.locator('.monaco-list-row', { hasText: 'failback_timeout' }).first().waitFor();
    await showSuggestDetails(page, false);
    await widen(page, suggest, 300);
    // the selected name shows its summary beside it; select the last one, whose summary is short,
    // so that no name is cut off
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await suggest.locator('.monaco-list-row.focused', { hasText: 'failback_timeout' }).waitFor();
    await stable(suggest);
    await shots.take('completion-names.webp', [suggest, lineText(page, 'transprot_type'), lineText(page, 'account.1.sip_server.1.fa')], {
      pad: 12,
      padTop: 2,
    });
    await page.keyboard.press('Escape');
    await selectLineAndType(page, '');

    // 5. Quick fix menu on the invalid value 7.
    const fixAt = await textPoint(page, 'account.1.sip_server.1.failback_mode = 7', '7', 'last');
    await page.mouse.click(fixAt.x, fixAt.y);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget', { hasText: 'Change' }).first();
    await menu.waitFor();
    await stable(menu);
    await shots.take('quickfix.webp', [menu, lineText(page, 'expires = 5'), lineText(page, 'failback_mode = 7')], { pad: 12, padTop: 2 });
    await page.keyboard.press('Escape');

    await outlineAndHints(page, shots);
    await siteShots(page, shots);

    log(`saved ${shots.saved.map((f) => path.relative(repoRoot, f)).join(', ')}`);
    return 0;
  } finally {
    await cleanup();
  }
}

/**
 * 6. The Outline view and the breadcrumbs on a clean phone file, the cursor on a server setting;
 * 7. the inlay hints of the same file (meanings of values, what -1 takes and from where).
 */
async function outlineAndHints(page, shots) {
  await page.setViewportSize({ width: VIEWPORT.width, height: 1000 });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(CLEAN_FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: CLEAN_FILE }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  // the language server has answered when the hints show
  await editor.locator('.view-line', { hasText: '→ 3 (account.1.sip_server.1.failback_mode)' }).waitFor();
  await runCommand(page, 'View: Toggle Breadcrumbs');
  const at = await textPoint(page, 'account.1.sip_server.1.failback_mode = 3', 'failback_mode');
  await page.mouse.click(at.x, at.y);
  await runCommand(page, 'Explorer: Focus on Outline View');
  // the outline gets the side bar's height: fold the folder section away
  await page.locator('.part.sidebar .pane-header', { hasText: 'Workspace' }).first().click();
  // the first outline waits for every extension to finish activating, which can take a while here
  const row = page.locator('.part.sidebar .monaco-list-row', { hasText: 'failback_mode' });
  await row.first().waitFor({ timeout: 120_000 });
  // back in the editor, which the side bar and the breadcrumbs moved: the outline and the breadcrumbs follow the cursor
  const moved = await textPoint(page, 'account.1.sip_server.1.failback_mode = 3', 'failback_mode');
  await page.mouse.click(moved.x, moved.y);
  const crumb = page.locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: 'failback_mode' }).first();
  await crumb.waitFor({ timeout: 60_000 });
  await stable(page.locator('.part.sidebar'));
  const widest = lineText(page, 'outbound_proxy.1.failback_timeout = -1');
  // the breadcrumbs sit above the lines, inside the box of the side bar and the widest line
  await shots.take('outline.webp', [page.locator('.part.sidebar'), widest, lineText(page, 'linekey.2.value')], { pad: 0, padBottom: 10 });

  await runCommand(page, 'View: Close Primary Side Bar');
  await lineLocator(page, 'linekey.2.value').click();
  await page.keyboard.press('Control+End');
  await stable(editor);
  await shots.take('inlay-hints.webp', [lineText(page, 'Account 1: registers'), widest, lineText(page, 'linekey.2.value')], { pad: 12, padTop: 2 });
  await page.setViewportSize(VIEWPORT);
}

/**
 * 8. The hover of a MAC file's line that overrides the common file (site/: a boot file, the common
 *    file, two MAC files); 9. the effective configuration of that phone, opened from the palette.
 */
async function siteShots(page, shots) {
  await page.setViewportSize({ width: VIEWPORT.width, height: 2000 });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(SITE_FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: SITE_FILE }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  const editor = page.locator('.editor-group-container .monaco-editor').first();
  await editor.locator('.view-line', { hasText: 'failback_mode = 1' }).waitFor();
  await stable(editor);
  const at = await textPoint(page, 'account.1.sip_server.1.failback_mode = 1', 'failback_mode');
  await page.mouse.move(at.x - 40, at.y + 60);
  await page.mouse.move(at.x, at.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'In this folder' });
  await hover.waitFor({ timeout: 60_000 });
  await stable(hover);
  await shots.take('site-hover.webp', [hover, lineText(page, 'account.1.auth_name'), lineText(page, 'failback_mode = 1')], { pad: 12, padTop: 2 });
  await page.mouse.move(5, 5);
  await hover.waitFor({ state: 'hidden' });
  await page.setViewportSize(VIEWPORT);

  await runCommand(page, 'Yealink: Show Effective Configuration');
  const effective = page.locator('.editor-group-container .monaco-editor .view-line', { hasText: '# y000000000096.cfg:4' });
  await effective.first().waitFor();
  await stable(page.locator('.part.editor'));
  await shots.take('effective.webp', [page.locator('.part.editor')], { pad: 0 });
}

/** Runs a command from the Command Palette (F1), as typed by a person. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await item.waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

function lineLocator(page, text) {
  return page.locator('.editor-group-container .monaco-editor .view-line', { hasText: text }).first();
}

/** The text of an editor line (its rendered characters, not the full-width line box). */
function lineText(page, text) {
  return lineLocator(page, text).locator(':scope > span').first();
}

/** The screen point in the middle of `needle` (its first or last occurrence) in the editor line holding `lineText`. */
async function textPoint(page, lineText, needle, which = 'first') {
  const line = lineLocator(page, lineText);
  await line.waitFor();
  const rect = await line.evaluate(
    (el, [needleArg, whichArg]) => {
      const full = el.textContent.replace(/\u00a0/g, ' ');
      const start = whichArg === 'last' ? full.lastIndexOf(needleArg) : full.indexOf(needleArg);
      if (start < 0) return null;
      const end = start + needleArg.length;
      const range = document.createRange();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent.length;
        if (start >= offset && start < offset + len) range.setStart(n, start - offset);
        if (end > offset && end <= offset + len) {
          range.setEnd(n, end - offset);
          break;
        }
        offset += len;
      }
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    [needle, which],
  );
  if (!rect) throw new HarnessError(`"${needle}" is not on the editor line "${lineText}"`);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Opens (or closes) the details of the selected suggestion; Ctrl+Space toggles them. */
async function showSuggestDetails(page, open) {
  const details = page.locator('.suggest-details-container .suggest-details');
  if ((await details.isVisible().catch(() => false)) !== open) await page.keyboard.press('Control+Space');
  await details.waitFor({ state: open ? 'visible' : 'hidden' });
  if (open) await stable(details);
}

/**
 * Waits until an element has kept its place and size for a moment (widgets animate in, and
 * details grow when the item's documentation arrives).
 */
async function stable(locator) {
  let last = '';
  let same = 0;
  for (let i = 0; i < 60 && same < 5; i++) {
    await locator.page().waitForTimeout(120);
    const b = JSON.stringify(await locator.boundingBox());
    same = b === last ? same + 1 : 0;
    last = b;
  }
}

/** Drags the bottom edge of the suggestion details down until their text no longer scrolls. */
async function growDetailsToFit(page) {
  const container = page.locator('.suggest-details-container');
  const hidden = await container.evaluate((el) => {
    let most = 0;
    for (const e of el.querySelectorAll('*')) most = Math.max(most, e.scrollHeight - e.clientHeight);
    return most;
  });
  if (hidden <= 0) return;
  let south;
  for (const s of await container.locator('.monaco-sash.horizontal').all()) {
    const b = await s.boundingBox();
    if (b && b.width > 0 && (!south || b.y > south.y)) south = b;
  }
  if (!south) throw new HarnessError('the suggestion details have no bottom edge to drag');
  const x = south.x + south.width / 2;
  const y = south.y + south.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x, y + hidden + 8, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(5, 5); // off the edge, which is highlighted while the pointer is on it
  await stable(container);
}

/** Drags the right edge of a resizable widget (the suggestion list) `by` pixels to the right. */
async function widen(page, widget, by) {
  const box = await widget.boundingBox();
  const sashes = await widget.locator('.monaco-sash.vertical').all();
  let east;
  for (const s of sashes) {
    const b = await s.boundingBox();
    if (b && (!east || b.x > east.x)) east = b;
  }
  if (!east || east.x < box.x + box.width / 2) throw new HarnessError('the suggestion list has no right edge to drag');
  const x = east.x + east.width / 2;
  const y = east.y + east.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + by, y, { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(5, 5);
}

/** Replaces the current line's text with `text`, typing it. */
async function selectLineAndType(page, text) {
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Shift+Home'); // twice: from the indentation to the start of the line
  if (text) await page.keyboard.type(text, { delay: 25 });
  else await page.keyboard.press('Delete');
}

/**
 * Captured at 2x for smooth text, stored at 1x in 12 colours without dithering (editor text and
 * squiggles stay crisp at half the size of 64 colours), as lossless WebP (a quarter smaller than
 * the same pixels in PNG): the pictures ship in the .vsix. Needs ImageMagick's `convert` with WebP.
 */
function shrink(capture, file) {
  try {
    execFileSync('convert', [capture, '-resize', `${100 / SCALE}%`, '+dither', '-colors', '12', '-define', 'webp:lossless=true', '-define', 'webp:method=6', '-define', 'webp:exact=true', file], { stdio: 'ignore' });
  } catch {
    throw new HarnessError(`${path.basename(file)}: ImageMagick's convert (with WebP) is needed to store the picture`);
  } finally {
    fs.rmSync(capture, { force: true });
  }
}

class Shots {
  constructor(page) {
    this.page = page;
    this.saved = [];
  }

  /** Saves the part of the page that holds every locator, with `pad` CSS pixels around it. */
  async take(name, locators, { pad = 12, padTop = pad, padBottom = pad } = {}) {
    const boxes = [];
    for (const l of locators) {
      const b = await l.boundingBox();
      if (!b) throw new HarnessError(`${name}: an element to capture is not on screen`);
      boxes.push(b);
    }
    const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - padTop);
    const vp = this.page.viewportSize();
    const x1 = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
    const y1 = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + padBottom);
    const file = path.join(outDir, name);
    const capture = `${file}.capture.png`;
    await this.page.screenshot({ path: capture, clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
    shrink(capture, file);
    this.saved.push(file);
    log(`${name}: ${Math.round(x1 - x0)}x${Math.round(y1 - y0)} CSS px`);
  }
}

runMain(main, 'screenshots');
