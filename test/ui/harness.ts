/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The vitest side of `npm run test:ui` (the contract for step files: /work/wt/ui-harness.md and
 * docs/development.md, "Browser test"). One environment per n8n version: scripts/start.ts's
 * startDev (the simulator with demo data, this package packed and installed into a fresh user
 * folder's custom-nodes folder, the demo credential and workflows imported, `n8n start`, owner
 * set up), one Chromium, one logged-in page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll } from 'vitest';

import { startDev, type DevEnvironment } from '../../scripts/start';
import { resolveN8nVersion, N8N_VERSIONS, waitFor } from '../e2e/n8n.mjs';
import {
	closePopups,
	ensureLoggedIn,
	expectVisible,
	launchBrowser,
	newEditorContext,
	openWorkflow,
	ScreenshotFolder,
	type Browser,
	type BrowserContext,
	type Page,
} from './driver';

export const SCREENSHOTS_DIR = join(__dirname, 'screenshots');

/** WDT_UI_N8N: 1, 2, a version, a comma list of those, or all (the default). */
export function uiVersions(choice = process.env.WDT_UI_N8N || 'all'): string[] {
	if (choice === 'all') return [...N8N_VERSIONS];
	return [...new Set(choice.split(',').map((v) => resolveN8nVersion(v.trim())))];
}

export interface EditorSession {
	readonly version: string;
	readonly major: number;
	readonly dev: DevEnvironment;
	readonly editorUrl: string;
	readonly browser: Browser;
	readonly context: BrowserContext;
	readonly page: Page;
	readonly credentialRef: { wdtApi: { id: string; name: string } };
	freshPage(): Promise<Page>;
	shot(name: string, opts?: Parameters<ScreenshotFolder['shot']>[2]): Promise<string>;
	goto(path: string): Promise<void>;
	openWorkflow(id: string): Promise<void>;
	createWorkflow(json: Record<string, unknown>): Promise<string>;
	openNode(name: string): Promise<void>;
	closeNdv(): Promise<void>;
	waitFor<T>(
		fn: () => Promise<T> | T,
		opts?: { timeoutMs?: number; intervalMs?: number; what?: string },
	): Promise<NonNullable<T>>;
	expectVisible(texts: string[], where: string): Promise<void>;
}

export interface Step {
	id: string;
	title: string;
	register(ui: EditorSession): void;
}

/** A step file's default export: `register(ui)` runs inside `describe('<id> <title>')`. */
export function defineStep(id: string, title: string, register: (ui: EditorSession) => void): Step {
	return { id, title, register };
}

const log = (line: string) => process.stderr.write(`[ui] ${line}\n`);

/**
 * Registers beforeAll/afterAll/afterEach for one n8n version in the calling describe and
 * returns the session its tests use. WDT_UI_KEEP=1 keeps the user folder.
 */
export function editorSession(version: string): EditorSession {
	let dev: DevEnvironment | undefined;
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	let page: Page | undefined;
	let userFolder: string | undefined;
	const shots = new ScreenshotFolder(join(SCREENSHOTS_DIR, version), log);
	const need = <T>(value: T | undefined, what: string): T => {
		if (value === undefined) throw new Error(`test/ui: ${what} is not up (use it inside a test)`);
		return value;
	};

	const session: EditorSession = {
		version,
		major: Number(version.split('.')[0]),
		get dev() {
			return need(dev, 'the n8n environment');
		},
		get editorUrl() {
			return need(dev, 'the n8n environment').editorUrl;
		},
		get browser() {
			return need(browser, 'the browser');
		},
		get context() {
			return need(context, 'the browser context');
		},
		get page() {
			return need(page, 'the page');
		},
		get credentialRef() {
			const { id, name } = need(dev, 'the n8n environment').credential;
			return { wdtApi: { id, name } };
		},
		async freshPage() {
			await page?.close().catch(() => {});
			page = await session.context.newPage();
			await ensureLoggedIn(page, session.dev);
			return page;
		},
		shot: (name, opts) => shots.shot(session.page, name, opts),
		async goto(path) {
			await session.page.goto(`${session.editorUrl}${path}`);
			await session.page.waitForLoadState('networkidle');
		},
		openWorkflow: (id) => openWorkflow(session.page, session.editorUrl, id),
		async createWorkflow(json) {
			const created = await session.dev.rest.post<{ id: string }>('/rest/workflows', {
				active: false,
				settings: { executionOrder: 'v1' },
				connections: {},
				...json,
			});
			return created.id;
		},
		async openNode(name) {
			await session.page
				.locator(`[data-test-id="canvas-node"][data-node-name="${name.replace(/"/g, '\\"')}"]`)
				.dblclick();
			await session.page.waitForSelector('[data-test-id="ndv"]', { timeout: 30_000 });
		},
		async closeNdv() {
			for (let i = 0; i < 3; i++) {
				if (
					!(await session.page
						.locator('[data-test-id="ndv"]')
						.isVisible()
						.catch(() => false))
				)
					return;
				await closePopups(session.page);
			}
		},
		// test/e2e's waitFor resolves only with a truthy value.
		waitFor: <T>(fn: () => Promise<T> | T, opts?: Parameters<typeof waitFor>[1]) =>
			waitFor(fn, opts) as Promise<NonNullable<T>>,
		expectVisible: (texts, where) => expectVisible(session.page, texts, where),
	};

	beforeAll(async () => {
		const started = Date.now();
		await rm(shots.dir, { recursive: true, force: true });
		userFolder = await mkdtemp(join(tmpdir(), `wdt-ui-n8n-${version}-`));
		dev = await startDev({ n8n: version, userFolder, n8nPort: 5700, simPort: 5720, log });
		browser = await launchBrowser();
		context = await newEditorContext(browser, dev);
		await session.freshPage();
		log(
			`n8n ${version} up in ${((Date.now() - started) / 1000).toFixed(0)} s at ${dev.editorUrl}; ` +
				`screenshots in ${shots.dir}`,
		);
	});

	afterEach(async (ctx) => {
		if (ctx.task.result?.state !== 'fail' || !page) return;
		const name = `FAILED-${ctx.task.suite?.name ?? ''}-${ctx.task.name}`
			.replace(/[^\w.-]+/g, '-')
			.slice(0, 120);
		await shots.shot(page, name).catch(() => {});
	});

	afterAll(async () => {
		await browser?.close().catch(() => {});
		await dev?.stop();
		if (userFolder && !process.env.WDT_UI_KEEP) {
			await rm(userFolder, { recursive: true, force: true });
		} else if (userFolder) {
			log(`kept ${userFolder}`);
		}
	});

	return session;
}
