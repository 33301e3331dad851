/**
 * 1a: the nodes panel finds WDT by each word a user types for every resource, English and Chinese
 * (test/fixtures/search-words.ts; test/unit/search-aliases.test.ts checks the aliases without a
 * browser). On a workflow n8n lists a package's action node and trigger as one entry, "WDT"; its
 * panel holds the actions and, under Triggers, the trigger's events. The trigger alone is checked
 * on a new workflow's first-step panel, which lists triggers only.
 */
import { expect, it } from 'vitest';

import { ACTION_ONLY_WORDS, SEARCH_WORDS } from '../../fixtures/search-words';
import { closePopups, nodeCreatorItemNames, searchNodeCreator, sleep } from '../driver';
import { defineStep, type EditorSession } from '../harness';

const slug = (word: string) => word.replace(/\s+/g, '-').replace(/[^\p{L}\p{N}-]/gu, '');

/** Opens the panel, types each word, screenshots the result, and returns the words whose results miss `wanted`. */
async function wordsNotFinding(
	ui: EditorSession,
	words: readonly string[],
	prefix: string,
	wanted: (names: string[]) => boolean,
	open: () => Promise<void>,
): Promise<string[]> {
	const missing: string[] = [];
	await open();
	for (const word of words) {
		await searchNodeCreator(ui.page, word);
		let names = await nodeCreatorItemNames(ui.page);
		// The results settle within a moment; give a miss up to 3 s before calling it one.
		for (let waited = 0; !wanted(names) && waited < 3_000; waited += 300) {
			await sleep(300);
			names = await nodeCreatorItemNames(ui.page);
		}
		const found = wanted(names);
		if (!found) missing.push(`"${word}" → ${JSON.stringify(names.slice(0, 8))}`);
		await ui.shot(`${prefix}-${slug(word)}${found ? '' : '-NOT-FOUND'}`);
	}
	await closePopups(ui.page);
	return missing;
}

export default defineStep('1a', 'the nodes panel finds WDT by every search word', (ui) => {
	it('finds the node on a workflow by each word', async () => {
		await ui.openWorkflow(ui.dev.workflows[0].id);
		const missing = await wordsNotFinding(
			ui,
			SEARCH_WORDS,
			'1a-node',
			(names) => names.includes('WDT'),
			async () => {},
		);
		expect(missing, 'search words that do not find WDT').toEqual([]);
	});

	it('finds the trigger as a first step by each word it has events for', async () => {
		const missing = await wordsNotFinding(
			ui,
			SEARCH_WORDS.filter((word) => !ACTION_ONLY_WORDS.includes(word)),
			'1a-trigger',
			(names) => names.some((name) => name.startsWith('WDT')),
			async () => {
				await ui.goto('/workflow/new');
				await ui.page.locator('[data-test-id="canvas-add-button"]').first().click();
			},
		);
		expect(missing, 'search words that do not find the WDT Trigger as a first step').toEqual([]);
	});
});
