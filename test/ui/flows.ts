/**
 * What a no-code user does in the node panel, for the flow steps (1c, 1d, 1e): add a WDT action
 * from the nodes panel, fill a field, pick from a dropdown, execute, read the output panel.
 * Selectors are n8n's data-test-id attributes, the same in 1.123.81 and 2.39.10; where the two
 * versions differ, `ui.major` picks (see each function).
 */
import type { Locator, Page } from 'playwright-core';

import { sleep } from './driver';
import type { EditorSession } from './harness';

export const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

const testId = (page: Page, id: string) => page.locator(`[data-test-id="${id}"]`);
export const ndv = (page: Page) => testId(page, 'ndv');

/** A workflow holding only a manual trigger, opened on the canvas; returns its id. */
export async function openWorkflowWithManualTrigger(
	ui: EditorSession,
	name: string,
): Promise<string> {
	const id = await ui.createWorkflow({
		name,
		nodes: [
			{
				parameters: {},
				id: '7d1f2c3a-0b1e-4c55-9e21-0a1b2c3d4e01',
				name: MANUAL_TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
		],
	});
	await ui.openWorkflow(id);
	return id;
}

/**
 * Adds the WDT action named `action` ("Get many shops") after the manual trigger through the
 * nodes panel: the trigger's + handle, search "WDT", the WDT entry, the action. The node panel
 * (NDV) opens with its Resource and Operation set and the only WDT credential selected.
 */
export async function addWdtAction(ui: EditorSession, action: string): Promise<void> {
	const page = ui.page;
	await testId(page, 'canvas-handle-plus').first().click();
	await pickFromWdtEntry(ui, action);
}

/**
 * On a new, empty workflow: picks the WDT Trigger's event `entry` ("On sales stockout cancelled")
 * as the first step (the canvas's "Add first step", search "WDT", the WDT entry, the event).
 */
export async function addWdtTrigger(ui: EditorSession, entry: string): Promise<void> {
	const page = ui.page;
	await testId(page, 'canvas-add-button').first().click();
	await pickFromWdtEntry(ui, entry);
}

/** In the open nodes panel: search "WDT", open the WDT entry, click `entry`; waits for the NDV. */
async function pickFromWdtEntry(ui: EditorSession, entry: string): Promise<void> {
	const page = ui.page;
	const search = page.locator('input[data-test-id="node-creator-search-bar"]').first();
	await search.waitFor({ timeout: 15_000 });
	await search.fill('WDT');
	// 1.x shows the entry's name only, 2.x its name and description: match the name line.
	await testId(page, 'item-iterator-item')
		.filter({ has: page.getByText('WDT', { exact: true }) })
		.first()
		.click();
	await testId(page, 'item-iterator-item')
		.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(entry)}\\s*$`) })
		.first()
		.click();
	await ndv(page).waitFor({ timeout: 30_000 });
	await useDemoCredential(ui);
}

/**
 * Makes the open node use the demo credential. n8n selects the only credential of the type by
 * itself; when there are more (step 1b saves its own), the user picks it from the dropdown.
 */
export async function useDemoCredential(ui: EditorSession): Promise<void> {
	const page = ui.page;
	const { id, name } = ui.dev.credential;
	const select = ndv(page).locator('[data-test-id="node-credentials-select"]').first();
	const value = () =>
		select
			.locator('input')
			.first()
			.inputValue()
			.catch(() => '');
	const auto = await ui
		.waitFor(async () => (await value()) === name, { timeoutMs: 3_000, what: 'auto' })
		.then(() => true)
		.catch(() => false);
	if (auto) return;
	await select.click();
	await page.locator(`[data-test-id="node-credentials-select-item-${id}"]`).first().click();
	await ui.waitFor(async () => (await value()) === name, {
		timeoutMs: 10_000,
		what: `the credential "${name}" selected`,
	});
}

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The input of parameter `name` in the open node panel. */
export function parameterInput(page: Page, name: string): Locator {
	return ndv(page)
		.locator(`[data-test-id="parameter-input-${name}"]`)
		.locator('input, textarea')
		.first();
}

/** Types `value` into a text parameter (replacing what is there) and leaves the field. */
export async function fillParameter(page: Page, name: string, value: string): Promise<void> {
	const input = parameterInput(page, name);
	await input.click();
	await input.fill(value);
	await input.press('Tab');
	await sleep(200);
}

/**
 * Picks `option` (its display name) in the options parameter `name` inside `scope` (the open
 * node's panel by default, or e.g. the credential dialog).
 */
export async function pickParameterOption(
	page: Page,
	name: string,
	option: string,
	scope: Locator = ndv(page),
): Promise<void> {
	await scope.locator(`[data-test-id="parameter-input-${name}"]`).first().click();
	await page
		.locator('.el-select-dropdown__item:visible, [role="option"]:visible')
		// An option shows its description under its name, so match the name as a part.
		.filter({ hasText: option })
		.first()
		.click();
	await sleep(300);
}

/**
 * Adds an optional field from a collection's "Add filter" / "Add option" / "Add field" dropdown
 * (`addLabel` is that dropdown's text; `option` the field's display name).
 */
export async function addCollectionOption(
	page: Page,
	addLabel: string,
	option: string,
): Promise<void> {
	const add = ndv(page).getByPlaceholder(addLabel, { exact: true });
	if (await add.count()) await add.first().click();
	else await ndv(page).getByRole('button', { name: addLabel }).first().click();
	await page
		.locator('[data-test-id="collection-parameter-option"]')
		.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(option)}\\s*$`) })
		.first()
		.click();
	await sleep(400);
}

/**
 * Opens the "From List" dropdown of resource-locator parameter `name`, waits until its options
 * have loaded from WDT, and returns their texts ("天猫旗舰店 (TMALL01)"). The list stays open.
 */
export async function openListDropdown(ui: EditorSession, name: string): Promise<string[]> {
	const page = ui.page;
	const locator = ndv(page).locator(`[data-test-id="resource-locator-${name}"]`).first();
	await locator.locator('[data-test-id="rlc-input"]').first().click();
	const items = page.locator('[data-test-id="rlc-item"]:visible');
	await ui.waitFor(async () => (await items.count()) > 0, {
		timeoutMs: 20_000,
		what: `the options of the ${name} dropdown`,
	});
	return (await items.allInnerTexts()).map((text) => text.trim());
}

/** Picks the open dropdown's option whose text contains `text`. */
export async function pickListOption(page: Page, text: string): Promise<void> {
	await page.locator('[data-test-id="rlc-item"]:visible').filter({ hasText: text }).first().click();
	await sleep(300);
}

export interface StepOutput {
	/** Items in the output panel ("12 items"); undefined when the node failed. */
	count?: number;
	/** The node's error as the output panel shows it (message, then description), if it failed. */
	error?: string;
	/** The output panel's text (the table view's first page, or the error). */
	text: string;
}

/** Clicks "Execute step" ("Fetch Test Event" on a trigger; one test id) and reads the output panel. */
export async function executeStep(ui: EditorSession): Promise<StepOutput> {
	const page = ui.page;
	const output = page.locator('[data-test-id="output-panel"]').first();
	const before = await output.innerText().catch(() => '');
	const requests = ui.dev.sim.requests.length;
	await ndv(page).locator('[data-test-id="node-execute-button"]').first().click();
	// A run after a run: wait until the panel shows the new one, not the previous output.
	await ui
		.waitFor(
			async () =>
				ui.dev.sim.requests.length > requests &&
				(await output.innerText().catch(() => before)) !== before,
			{ timeoutMs: 30_000, what: 'the output panel to change' },
		)
		.catch(() => {});
	return readOutput(ui);
}

/**
 * Waits for the output panel to show items or an error, and reads it. A failed node shows its
 * error where the items go (n8n 2.x also counts it as "1 item"), so the error is looked at first.
 */
export async function readOutput(ui: EditorSession): Promise<StepOutput> {
	const page = ui.page;
	const output = page.locator('[data-test-id="output-panel"]').first();
	const count = output.locator('[data-test-id="ndv-items-count"]').first();
	const error = output.locator('[data-test-id="node-error-message"]').first();
	// A node with an error output shows its main output as a "Success Branch (N items)" tab instead.
	const successBranch = async () =>
		/Success Branch \((\d+) items?\)/.exec(await output.innerText().catch(() => ''))?.[1];
	await ui.waitFor(
		async () =>
			(await count.isVisible()) ||
			(await error.isVisible()) ||
			(await successBranch()) !== undefined,
		{ timeoutMs: 60_000, what: 'the output panel to show items or an error' },
	);
	await sleep(400);
	const text = await output.innerText();
	if (await error.isVisible()) return { error: text, text };
	if (await count.isVisible()) return { count: itemCount(await count.innerText()), text };
	return { count: Number(await successBranch()), text };
}

/** "1 item", "12 items", "3 of 12 items" (a search) → the total. */
export function itemCount(text: string): number {
	const match = /(\d+)\s+items?/.exec(text.replace(/,/g, ''));
	if (!match) throw new Error(`no item count in "${text}"`);
	return Number(match[1]);
}

/**
 * How many output items contain `text`, by the output panel's own search ("3 of 12 items"); the
 * search is cleared afterwards. Reads every item whatever the panel's width shows of the table.
 */
export async function itemsMatching(ui: EditorSession, text: string): Promise<number> {
	const output = ui.page.locator('[data-test-id="output-panel"]').first();
	const search = output.locator(
		'input[data-test-id="ndv-search"], [data-test-id="ndv-search"] input',
	);
	const count = output.locator('[data-test-id="ndv-items-count"]').first();
	await output.locator('[data-test-id="ndv-search"]').first().click();
	await search.first().fill(text);
	let matched = -1;
	await ui.waitFor(
		async () => {
			const shown = await count.innerText().catch(() => '');
			const of = /(\d+)\s+of\s+\d+/.exec(shown);
			if (of) matched = Number(of[1]);
			// No match at all: n8n says so instead of counting.
			else if (!(await count.isVisible())) matched = 0;
			return matched >= 0;
		},
		{ timeoutMs: 10_000, what: `the output search for "${text}"` },
	);
	await search.first().fill('');
	await sleep(300);
	return matched;
}

/** The output panel's JSON view text (then back to the table view). */
export async function outputJsonText(page: Page): Promise<string> {
	const output = page.locator('[data-test-id="output-panel"]').first();
	await output.locator('[data-test-id="radio-button-json"]').first().click();
	await sleep(500);
	const text = await output.innerText();
	await output.locator('[data-test-id="radio-button-table"]').first().click();
	await sleep(300);
	return text;
}
