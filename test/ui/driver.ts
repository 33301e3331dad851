/* eslint-disable -- dev tooling, never shipped: the community-node lint rules (no node:fs, no process, no console, …) are for node code. */
/**
 * The browser driver shared by `npm run test:ui` (test/ui/harness.ts) and `npm run screenshots`
 * (scripts/screenshots.ts): finding and launching Chromium through playwright-core, a browser
 * context that reaches nothing but 127.0.0.1, the owner's login, and screenshots into a folder.
 *
 * playwright-core does not download a browser. Install one (Debian/Ubuntu: `apt-get install -y
 * chromium`) or point CHROMIUM_PATH at any Chromium or Chrome binary.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import {
	chromium,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
} from 'playwright-core';

export type { Browser, BrowserContext, Locator, Page };

/** What an editor session needs from the running n8n (scripts/start.ts's DevEnvironment has it). */
export interface EditorLogin {
	editorUrl: string;
	owner: { email: string; password: string };
	/** `n8n-auth=<token>`, as the REST login left it (optional: else the sign-in form is used). */
	rest?: { cookie: string };
}

export const VIEWPORT: Readonly<{ width: number; height: number }> = Object.freeze({
	width: 1280,
	height: 800,
});

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

const CANDIDATES = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const NO_BROWSER_MESSAGE =
	'No Chromium found: install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; ' +
	'macOS: install Google Chrome) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/** CHROMIUM_PATH if set (it must exist), else the first usual system location that exists. */
export function chromiumPath(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
	return CANDIDATES.find((path) => existsSync(path));
}

export async function launchBrowser(): Promise<Browser> {
	const executablePath = chromiumPath();
	if (!executablePath) {
		const set = process.env.CHROMIUM_PATH;
		throw new Error(
			set ? `CHROMIUM_PATH=${set} does not exist. ${NO_BROWSER_MESSAGE}` : NO_BROWSER_MESSAGE,
		);
	}
	return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A browser context for the editor: English, China time, the chosen theme, the owner's cookie,
 * and every http(s) request outside 127.0.0.1 aborted (fonts, telemetry, templates).
 */
export async function newEditorContext(
	browser: Browser,
	login: EditorLogin,
	{
		theme = 'light',
		viewport = VIEWPORT,
	}: { theme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
	const context = await browser.newContext({
		viewport,
		deviceScaleFactor: 1,
		colorScheme: theme,
		locale: 'en-US',
		timezoneId: 'Asia/Shanghai',
	});
	await context.route('**/*', (route) => {
		const { hostname, protocol } = new URL(route.request().url());
		if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1') {
			return route.abort();
		}
		return route.continue();
	});
	await context.addInitScript({
		content: `window.localStorage.setItem('N8N_THEME', ${JSON.stringify(theme)});`,
	});
	const cookie = /^n8n-auth=(.*)$/.exec(login.rest?.cookie ?? '');
	if (cookie) {
		await context.addCookies([
			{ name: 'n8n-auth', value: cookie[1], domain: '127.0.0.1', path: '/', httpOnly: true },
		]);
	}
	return context;
}

/** Opens the workflows list; signs in through the form when the cookie was not accepted. */
export async function ensureLoggedIn(page: Page, login: EditorLogin): Promise<void> {
	await page.goto(`${login.editorUrl}/home/workflows`);
	await page.waitForLoadState('networkidle');
	if (!page.url().includes('/signin')) return;
	await page
		.locator('input[name="emailOrLdapLoginId"], input[type="email"]')
		.first()
		.fill(login.owner.email);
	await page.locator('input[name="password"]').fill(login.owner.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.includes('/signin'));
}

/** A folder of named PNGs (created on first use). */
export class ScreenshotFolder {
	constructor(
		readonly dir: string,
		private readonly log: (line: string) => void = () => {},
	) {}

	/** `<dir>/<name>.png` (`.png` added unless given); waits out transitions first. */
	async shot(
		page: Page,
		name: string,
		opts: {
			clip?: { x: number; y: number; width: number; height: number };
			fullPage?: boolean;
		} = {},
	): Promise<string> {
		await mkdir(this.dir, { recursive: true });
		await sleep(500);
		const file = join(this.dir, name.endsWith('.png') ? name : `${name}.png`);
		await page.screenshot({ path: file, ...opts });
		this.log(`wrote ${file}`);
		return file;
	}
}

export async function closePopups(page: Page): Promise<void> {
	for (let i = 0; i < 2; i++) {
		await page.keyboard.press('Escape');
		await sleep(150);
	}
}

export async function closeToasts(page: Page): Promise<void> {
	for (const button of await page.locator('.el-notification__closeBtn').all()) {
		await button.click().catch(() => {});
	}
	await sleep(400);
}

export async function openWorkflow(page: Page, editorUrl: string, id: string): Promise<void> {
	await page.goto(`${editorUrl}/workflow/${id}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
	await page.waitForLoadState('networkidle');
	await closePopups(page);
}

/** Fails naming the first text that is not visible. */
export async function expectVisible(page: Page, texts: string[], where: string): Promise<void> {
	for (const text of texts) {
		// Any visible match: a hidden copy of the text (a tooltip, a measuring element) may come first.
		const visible = await page
			.getByText(text, { exact: false })
			.filter({ visible: true })
			.first()
			.isVisible()
			.catch(() => false);
		if (!visible) throw new Error(`${where}: "${text}" is not visible`);
	}
}

/** Clicks away n8n's one-time tips ("Press N to browse nodes … Got it") where they cover the canvas. */
export async function dismissTips(page: Page): Promise<void> {
	for (const button of await page.getByRole('button', { name: /^got it$/i }).all()) {
		if (await button.isVisible().catch(() => false)) await button.click().catch(() => {});
	}
}

/**
 * On an open workflow: opens the node creator (its + button: Tab opens it on 1.x only, 2.x moved
 * the shortcut to N) and types `query` into its search.
 */
export async function searchNodeCreator(page: Page, query: string): Promise<void> {
	const search = page.locator('input[data-test-id="node-creator-search-bar"]').first();
	if (!(await search.isVisible().catch(() => false))) {
		await dismissTips(page);
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click();
		await search.waitFor({ timeout: 15_000 });
	}
	await search.fill(query);
	await sleep(800); // the results of the previous query would still be on screen before this
}

/** The names of the node creator's listed items (an item's text is its name, then its description). */
export async function nodeCreatorItemNames(page: Page): Promise<string[]> {
	const items = await page.locator('[data-test-id="item-iterator-item"]').allInnerTexts();
	return items.map((text) => text.trim().split('\n')[0].trim());
}
