/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * 1b: the user creates the WDT credential in the editor, tests it right and wrong, and reads what
 * the credential dialog shows. n8n puts a failed test behind "Couldn't connect with these
 * settings → More details"; for connection failures that text is n8n's own (its credential test
 * words socket errors before any rule of ours runs), so for those the Base URL field's hint must
 * name n8n's words and say what to fix.
 */
import { createServer, type Server } from 'node:http';

import { expect, it } from 'vitest';

import {
	baseUrlProblem,
	credentialProblem,
	CREDENTIAL_FIELD_HINTS,
	NOT_WDT_REPLIES,
	WDT_ENDPOINTS,
} from '../../../nodes/shared/protocol';
import { DEFAULT_SELLER } from '../../simulator';
import { freePort } from '../../e2e/n8n.mjs';
import { sleep, type Locator, type Page } from '../driver';
import { pickParameterOption } from '../flows';
import { defineStep, type EditorSession } from '../harness';

const DIALOG = '[data-test-id="editCredential-modal"]';
const TYPE_OPTION = '[data-test-id="new-credential-type-select-option"]:visible';

/** Opens "Create credential" and types `query` into the credential type search. */
async function searchCredentialTypes(ui: EditorSession, query: string): Promise<string[]> {
	const page = ui.page;
	const search = page.locator('[data-test-id="new-credential-type-select"] input');
	if (!(await search.isVisible().catch(() => false))) {
		await ui.goto('/home/credentials');
		await page.locator('[data-test-id="add-resource-credential"]').first().click();
		await search.waitFor({ timeout: 15_000 });
	}
	await search.fill(query);
	await sleep(600);
	return (await page.locator(TYPE_OPTION).allInnerTexts()).map((text) => text.trim());
}

async function fillField(dialog: Locator, name: string, value: string): Promise<void> {
	const input = dialog.locator(`[data-test-id="parameter-input-${name}"] input`).first();
	await input.fill(value);
	// n8n takes a field's value on a short debounce: let it land before the next action.
	await input.press('Tab');
	await sleep(400);
}

type Outcome = { ok: true } | { ok: false; shown: string };

/**
 * Saves the dialog (n8n tests the credential on every save) and returns what it shows: success,
 * or the failure banner's text with its details opened.
 */
async function saveAndRead(page: Page, dialog: Locator): Promise<Outcome> {
	// n8n saves, then tests (POST /rest/credentials/test); the banner of the previous test stays
	// on screen until the new result arrives.
	const tested = page.waitForResponse(
		(response) =>
			response.url().includes('/rest/credentials/test') && response.request().method() === 'POST',
		{ timeout: 60_000 },
	);
	await dialog.locator('[data-test-id="credential-save-button"]').click();
	await tested;
	await sleep(500);
	const success = dialog.getByText(/Connection tested successfully/i);
	const failure = dialog.getByText(/Couldn.t connect with these settings/i);
	await success.or(failure).first().waitFor({ timeout: 60_000 });
	if (await success.isVisible().catch(() => false)) return { ok: true };
	const more = dialog.getByText(/More details/i).first();
	if (await more.isVisible().catch(() => false)) await more.click();
	await sleep(400);
	// The banner (headline, details, Retry) sits above the first field.
	const text = (await dialog.innerText()).replace(/\s+/g, ' ');
	const start = text.search(/Couldn.t connect with these settings/i);
	// Up to the docs note or the first field's label (its required-mark follows it).
	const ends = ['Need help filling out', 'Seller Account (sid) *']
		.map((mark) => text.indexOf(mark, start))
		.filter((at) => at > start);
	const end = ends.length ? Math.min(...ends) : -1;
	return { ok: false, shown: text.slice(start, end < 0 ? undefined : end).trim() };
}

/** The hint n8n shows under a credential field. */
async function fieldHint(dialog: Locator, name: string): Promise<string> {
	const field = dialog.locator(`[data-test-id="credential-connection-parameter"]`).filter({
		has: dialog.page().locator(`[data-test-id="parameter-input-${name}"]`),
	});
	return (await field.first().innerText()).replace(/\s+/g, ' ');
}

/** An HTTP server answering every request with a web page, as a wrong address or gateway does. */
async function startHtmlServer(): Promise<{ server: Server; url: string }> {
	const server = createServer((_, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end('<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return { server, url: `http://127.0.0.1:${port}/openapi` };
}

export default defineStep('1b', 'the credential: created, tested right and wrong', (ui) => {
	// n8n's credential type search matches the display name only; the display name is English
	// (n8n's verification rule), so 旺店通 is not among the words that find it.
	it('the credential type search finds WDT by wangdiantong and WDT', async () => {
		for (const query of ['wangdiantong', 'WDT']) {
			const found = await searchCredentialTypes(ui, query);
			await ui.shot(`1b-type-search-${query}`);
			expect(found, `credential types listed for "${query}"`).toContain('WDT (Wangdiantong) API');
		}
	});

	it('is created with the simulator values and passes the test; each wrong value says what to fix', async () => {
		const page = ui.page;
		await searchCredentialTypes(ui, 'WDT');
		await page.locator(TYPE_OPTION).filter({ hasText: /^WDT/ }).first().click();
		await page.locator('[data-test-id="new-credential-type-button"]').click();
		const dialog = page.locator(DIALOG);
		await dialog.waitFor({ timeout: 30_000 });

		const sim = ui.dev.sim.url;
		await fillField(dialog, 'sid', DEFAULT_SELLER.sid);
		await fillField(dialog, 'key', DEFAULT_SELLER.key);
		await fillField(dialog, 'secret', DEFAULT_SELLER.secret);
		await fillField(dialog, 'salt', DEFAULT_SELLER.salt);
		await pickParameterOption(page, 'environment', 'Custom URL', dialog);
		await fillField(dialog, 'baseUrl', sim);
		expect(await saveAndRead(page, dialog), 'the simulator values pass').toEqual({ ok: true });
		await ui.shot('1b-credential-ok');

		const html = await startHtmlServer();
		const shown: Record<string, string> = {};
		try {
			const cases: Array<{
				name: string;
				field: string;
				value: string;
				restore: string;
				/** Texts the banner must show (our message), or … */
				message?: string;
				/** … n8n's own words in the banner, which the field's hint must name and explain. */
				n8nWords?: RegExp;
				hint?: { field: string; words: string[] };
			}> = [
				{
					name: 'wrong-secret',
					field: 'secret',
					value: 'not-the-secret',
					restore: DEFAULT_SELLER.secret,
					message: credentialProblem('wrongKeyOrSecret'),
				},
				{
					name: 'wrong-sid',
					field: 'sid',
					value: 'nosuchseller',
					restore: DEFAULT_SELLER.sid,
					message: credentialProblem('wrongSidOrEnvironment'),
				},
				{
					name: 'nothing-listening',
					field: 'baseUrl',
					value: `http://127.0.0.1:${await freePort()}/openapi`,
					restore: sim,
					// 1.x words it, 2.x shows the socket code.
					n8nWords: /refused the connection|ECONNREFUSED/,
					hint: {
						field: 'baseUrl',
						words: ['refused the connection', 'ECONNREFUSED', 'nothing listens'],
					},
				},
				{
					name: 'https-against-http',
					field: 'baseUrl',
					value: sim.replace(/^http:/, 'https:'),
					restore: sim,
					n8nWords: /EPROTO|wrong version number/i,
					hint: {
						field: 'baseUrl',
						words: ['EPROTO', 'wrong version number', 'https:// for a server that speaks http://'],
					},
				},
				{
					name: 'https-for-wdt-endpoint',
					field: 'baseUrl',
					value: WDT_ENDPOINTS.production.replace(/^http:/, 'https:'),
					restore: sim,
					message: baseUrlProblem(WDT_ENDPOINTS.production.replace(/^http:/, 'https:')),
				},
				{
					name: 'html-page',
					field: 'baseUrl',
					value: html.url,
					restore: sim,
					message: NOT_WDT_REPLIES.htmlPage,
				},
			];
			for (const c of cases) {
				await fillField(dialog, c.field, c.value);
				const outcome = await saveAndRead(page, dialog);
				await ui.shot(`1b-credential-${c.name}`);
				expect.soft(outcome.ok, `${c.name}: the test fails`).toBe(false);
				const text = outcome.ok ? '' : outcome.shown;
				shown[c.name] = text;
				if (c.message) expect.soft(text, `${c.name}: the banner's details`).toContain(c.message);
				if (c.n8nWords) expect.soft(text, `${c.name}: n8n's own words`).toMatch(c.n8nWords);
				if (c.hint) {
					const hint = await fieldHint(dialog, c.hint.field);
					for (const word of c.hint.words) {
						expect.soft(hint, `${c.name}: the ${c.hint.field} field's hint`).toContain(word);
					}
				}
				await fillField(dialog, c.field, c.restore);
			}
		} finally {
			html.server.close();
			process.stderr.write(
				`[ui] ${ui.version} credential test, what the dialog shows:\n${Object.entries(shown)
					.map(([name, text]) => `  ${name}: ${text}`)
					.join('\n')}\n`,
			);
		}
		expect(await saveAndRead(page, dialog), 'right again after the wrong values').toEqual({
			ok: true,
		});
		expect(await fieldHint(dialog, 'environment')).toContain(CREDENTIAL_FIELD_HINTS.environment);
		await page.keyboard.press('Escape');
	});
});
