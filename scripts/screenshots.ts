/* eslint-disable -- dev tooling, never shipped: the community-node lint rules (no node:fs, no process, no console, …) are for node code. */
/**
 * `npm run screenshots`: the pictures of the README and docs/development.md, taken from a real n8n editor.
 *
 * Starts the same environment as `npm start` (scripts/start.ts → startDev) in a throw-away user
 * folder on free ports, then drives headless Chromium with playwright-core (already installed as
 * a transitive dev dependency) and writes PNGs (1280×800) into docs/images/:
 *
 *   canvas.png           the demo workflow after a run: our node icons, light theme
 *   canvas-dark.png      the same, dark theme
 *   node-panel.png       the WDT node's parameters: Purchase Apply → Create
 *   output-times.png     Get Many Cancelled's output after the demo run, JSON view: each item has
 *                        WDT's `modified` (China time, no zone) and `modified_iso` (ISO 8601, +08:00)
 *   credential.png       the "WDT API" credential form (the simulator's demo values; secrets as dots)
 *   nodes-panel.png      the node creator searched for "WDT", our node opened: its actions
 *   picker-erp.png       the node creator searched for "ERP": WDT found by its codex alias
 *   picker-cancel-zh.png the node creator searched for "取消" (cancel): WDT found by a Chinese alias
 *   trigger-subtitle.png a canvas with the WDT Trigger: its subtitle reads "Sales Stockout Cancelled"
 *   time-range-hint.png  Get Many Cancelled with empty Modified After/Before: the default range
 *                        ("the last hour") in the fields' placeholders and hint
 *
 * The last two come from a workflow this script creates through n8n's REST API (the demo
 * workflow has no WDT Trigger, and its Get Many Cancelled node sets Modified After).
 *
 * Chinese labels need a CJK font, or they render as boxes: apt-get install -y fonts-noto-cjk
 *
 * Needs a Chromium binary; playwright-core does not download one. On Debian/Ubuntu:
 *   apt-get install -y chromium          (→ /usr/bin/chromium; or set CHROMIUM_PATH)
 *
 * Every request the browser makes outside 127.0.0.1 is aborted.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	closePopups,
	closeToasts,
	ensureLoggedIn,
	expectVisible,
	launchBrowser,
	newEditorContext,
	nodeCreatorItemNames,
	openWorkflow as openWorkflowAt,
	ScreenshotFolder,
	searchNodeCreator as searchNodeCreatorOn,
	sleep,
	VIEWPORT,
	type Browser,
	type BrowserContext,
	type Page,
} from '../test/ui/driver';
import {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	DEMO_WORKFLOW_ID,
	REPO_ROOT,
	startDev,
	type DevEnvironment,
} from './start';

const OUT_DIR = join(REPO_ROOT, 'docs', 'images');
const log = (line: string) => process.stderr.write(`[screenshots] ${line}\n`);
const images = new ScreenshotFolder(OUT_DIR, log);

function newContext(
	browser: Browser,
	dev: DevEnvironment,
	theme: 'light' | 'dark',
	viewport = VIEWPORT,
): Promise<BrowserContext> {
	return newEditorContext(browser, dev, { theme, viewport });
}

function shot(page: Page, name: string): Promise<string> {
	return images.shot(page, name);
}

function openWorkflow(page: Page, dev: DevEnvironment, id: string): Promise<void> {
	return openWorkflowAt(page, dev.editorUrl, id);
}

async function canvasShots(browser: Browser, dev: DevEnvironment, theme: 'light' | 'dark') {
	const context = await newContext(browser, dev, theme);
	const page = await context.newPage();
	await ensureLoggedIn(page, dev);
	await openWorkflow(page, dev, DEMO_WORKFLOW_ID);
	// Run it so the nodes show their item counts.
	const run = page.locator('[data-test-id="execute-workflow-button"]').first();
	if (await run.count()) {
		await run.click();
		await page
			.waitForSelector('[data-test-id="canvas-node-status-success"]', { timeout: 30_000 })
			.catch(() => log('no success marks seen after the run'));
		await sleep(1500);
		await closeToasts(page);
	}
	// Fit the view (shift+1 = zoom to fit).
	await page
		.locator('[data-test-id="canvas-wrapper"], .vue-flow')
		.first()
		.click({ position: { x: 5, y: 5 } })
		.catch(() => {});
	await page.keyboard.press('1');
	await sleep(500);
	await shot(page, theme === 'light' ? 'canvas.png' : 'canvas-dark.png');

	if (theme === 'light') {
		// The node's parameter panel: Purchase Apply → Create.
		await page
			.locator('[data-test-id="canvas-node"][data-node-name="Create a purchase apply"]')
			.dblclick();
		await page.waitForSelector('[data-test-id="ndv"], .ndv-wrapper', { timeout: 30_000 });
		await sleep(1000);
		await expectVisible(page, ['Warehouse', 'Submit'], 'node panel');
		const resource = await page
			.locator('[data-test-id="parameter-input-resource"] input')
			.first()
			.inputValue()
			.catch(() => '');
		if (resource !== 'Purchase Apply') {
			throw new Error(`node panel: Resource shows "${resource}"`);
		}
		await shot(page, 'node-panel.png');
		await closePopups(page);
		await outputTimesShot(page);
	}
	await context.close();
}

/** The demo run's cancelled stockouts, JSON view: `modified` and `modified_iso` side by side. */
async function outputTimesShot(page: Page): Promise<void> {
	await page
		.locator('[data-test-id="canvas-node"][data-node-name="Cancelled stockouts, last 6 hours"]')
		.dblclick();
	await page.waitForSelector('[data-test-id="ndv"], .ndv-wrapper', { timeout: 30_000 });
	await sleep(800);
	const output = page.locator('[data-test-id="output-panel"]');
	await output.getByText('JSON', { exact: true }).first().click();
	await sleep(800);
	await expectVisible(page, ['"modified"', '"modified_iso"', '+08:00'], 'output panel');
	await shot(page, 'output-times.png');
	await closePopups(page);
}

async function credentialShot(browser: Browser, dev: DevEnvironment) {
	// A taller window so the whole form fits; the picture is cropped to the dialog.
	const context = await newContext(browser, dev, 'light', { width: 1280, height: 1400 });
	const page = await context.newPage();
	await ensureLoggedIn(page, dev);
	await page.goto(`${dev.editorUrl}/home/credentials/${CREDENTIAL_ID}`);
	const dialog = page.locator('[data-test-id="editCredential-modal"]').first();
	await dialog.waitFor({ timeout: 60_000 });
	// The dialog is at most 750 px high and scrolls inside; let it grow so the whole form shows.
	await page.addStyleTag({
		content: `[data-test-id="editCredential-modal"] { height: auto !important; max-height: none !important; }
			[data-test-id="editCredential-modal"] [class*="_mainContent_"] { overflow: visible !important; max-height: none !important; height: auto !important; }`,
	});
	await page.waitForLoadState('networkidle');
	await page
		.getByText('Connection tested successfully')
		.waitFor({ timeout: 20_000 })
		.catch(() => {
			log('the credential test banner did not appear');
		});
	await sleep(1000);
	await expectVisible(
		page,
		['Seller Account (sid)', 'API Key (appkey)', 'Secret', 'Salt', 'Environment', 'Base URL'],
		'credential form',
	);
	// The demo secret and salt must be masked.
	const masked = await page
		.locator('[data-test-id="credential-edit-dialog"] input[type="password"]')
		.count();
	if (masked < 2)
		throw new Error(`credential form: ${masked} masked inputs, expected Secret and Salt`);
	await sleep(500);
	const box = await dialog.boundingBox();
	// Crop below the form's last element rather than at the dialog's (empty) bottom.
	const contentBottom = await dialog.evaluate((el) => {
		let bottom = 0;
		for (const leaf of el.querySelectorAll('*')) {
			if (leaf.children.length) continue;
			const r = leaf.getBoundingClientRect();
			if (r.width && r.height) bottom = Math.max(bottom, r.bottom);
		}
		return bottom;
	});
	if (box && contentBottom) box.height = Math.min(box.height, contentBottom + 32 - box.y);
	const file = join(OUT_DIR, 'credential.png');
	if (box) {
		const pad = 24;
		const x = Math.max(0, box.x - pad);
		const y = Math.max(0, box.y - pad);
		await page.screenshot({
			path: file,
			clip: {
				x,
				y,
				width: Math.min(1280 - x, box.width + 2 * pad),
				height: Math.min(1400 - y, box.height + 2 * pad),
			},
		});
		log(`wrote ${file}`);
	} else {
		await shot(page, 'credential.png');
	}
	await context.close();
}

/** Opens the node creator on the demo workflow and types `query` into its search. */
async function searchNodeCreator(page: Page, dev: DevEnvironment, query: string): Promise<void> {
	await openWorkflow(page, dev, DEMO_WORKFLOW_ID);
	await searchNodeCreatorOn(page, query);
}

/**
 * The node creator's results for `query` must list our node. n8n shows a package's action node
 * and trigger as one entry, "WDT", whose panel lists the actions and the trigger's events.
 */
async function expectWdtFound(page: Page, query: string): Promise<void> {
	const names = await nodeCreatorItemNames(page);
	if (!names.includes('WDT')) {
		throw new Error(`node creator, "${query}": "WDT" not found among ${JSON.stringify(names)}`);
	}
}

async function nodesPanelShots(browser: Browser, dev: DevEnvironment) {
	const context = await newContext(browser, dev, 'light');
	const page = await context.newPage();
	await ensureLoggedIn(page, dev);

	// Found by codex aliases: an English word and a Chinese one that are not in the names.
	for (const [query, file] of [
		['ERP', 'picker-erp.png'],
		['取消', 'picker-cancel-zh.png'],
	]) {
		await searchNodeCreator(page, dev, query);
		await expectWdtFound(page, query);
		await shot(page, file);
		await closePopups(page);
	}

	await searchNodeCreator(page, dev, 'WDT');
	// Open our node: its actions, grouped by resource.
	await page
		.locator('[data-test-id="item-iterator-item"]')
		.filter({ hasText: /^\s*WDT\s*$/ })
		.first()
		.click();
	await sleep(1200);
	await expectVisible(page, ['Get many cancelled sales stockouts'], 'nodes panel');
	await shot(page, 'nodes-panel.png');
	await context.close();
}

/**
 * A workflow for the editor points the demo workflow cannot show: a WDT Trigger (its subtitle)
 * and a Get Many Cancelled node with both times empty (the default range). Created through n8n's
 * REST API, so examples/ and the demo stay as they are.
 */
async function createEditorPointsWorkflow(dev: DevEnvironment): Promise<string> {
	const credentials = { wdtApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
	const manual = 'When clicking ‘Execute workflow’';
	const cancelled = 'Cancelled stockouts, default range';
	const created = await dev.rest.post<{ id: string }>('/rest/workflows', {
		name: 'WDT screenshots: trigger and default range',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				parameters: { event: 'stockoutCancelled', options: {} },
				id: '5c0f2a8e-7d43-4c1b-9f0a-3b1e6d2c0001',
				name: 'WDT Trigger',
				type: 'n8n-nodes-wdt.wdtTrigger',
				typeVersion: 1,
				position: [0, 0],
				credentials,
			},
			{
				parameters: {},
				id: '5c0f2a8e-7d43-4c1b-9f0a-3b1e6d2c0002',
				name: manual,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 250],
			},
			{
				parameters: { resource: 'salesStockout', operation: 'getManyCancelled' },
				id: '5c0f2a8e-7d43-4c1b-9f0a-3b1e6d2c0003',
				name: cancelled,
				type: 'n8n-nodes-wdt.wdt',
				typeVersion: 1,
				position: [300, 250],
				credentials,
			},
		],
		connections: { [manual]: { main: [[{ node: cancelled, type: 'main', index: 0 }]] } },
	});
	return created.id;
}

async function editorPointsShots(browser: Browser, dev: DevEnvironment) {
	const workflowId = await createEditorPointsWorkflow(dev);
	const context = await newContext(browser, dev, 'light');
	const page = await context.newPage();
	await ensureLoggedIn(page, dev);
	await openWorkflow(page, dev, workflowId);
	await page
		.locator('[data-test-id="canvas-wrapper"], .vue-flow')
		.first()
		.click({ position: { x: 5, y: 5 } })
		.catch(() => {});
	await page.keyboard.press('1'); // zoom to fit
	await sleep(500);
	await expectVisible(
		page,
		['Sales Stockout Cancelled', 'Sales Stockout: Get Many Cancelled'],
		'canvas',
	);
	await shot(page, 'trigger-subtitle.png');

	await page
		.locator('[data-test-id="canvas-node"][data-node-name="Cancelled stockouts, default range"]')
		.dblclick();
	await page.waitForSelector('[data-test-id="ndv"], .ndv-wrapper', { timeout: 30_000 });
	await sleep(1000);
	await expectVisible(page, ['Leave both times empty to get the last hour'], 'default range');
	for (const [field, placeholder] of [
		['startTime', 'Empty: one hour before Modified Before'],
		['endTime', 'Empty: now'],
	]) {
		const input = page.locator(`[data-test-id="parameter-input-${field}"] input`).first();
		const shown = await input.getAttribute('placeholder').catch(() => null);
		if (shown !== placeholder) {
			throw new Error(
				`default range: ${field} shows the placeholder "${shown}", expected "${placeholder}"`,
			);
		}
	}
	await shot(page, 'time-range-hint.png');
	await context.close();
}

async function main(): Promise<void> {
	const started = Date.now();
	await mkdir(OUT_DIR, { recursive: true });
	const userFolder = await mkdtemp(join(tmpdir(), 'wdt-screenshots-n8n-'));
	const dev = await startDev({ userFolder, n8nPort: 5690, simPort: 5695, log });
	let browser: Browser | undefined;
	try {
		browser = await launchBrowser();
		await canvasShots(browser, dev, 'light');
		await canvasShots(browser, dev, 'dark');
		await credentialShot(browser, dev);
		await nodesPanelShots(browser, dev);
		await editorPointsShots(browser, dev);
	} finally {
		await browser?.close().catch(() => {});
		await dev.stop();
		await rm(userFolder, { recursive: true, force: true });
	}
	log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// Exit explicitly: vite-node's esbuild service would keep the process alive.
main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
