/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * n8n's nodes panel finds a node by its display name and its codex aliases (the editor's
 * sublimeSearch over `properties.displayName` and `properties.codex.alias`, a fuzzy subsequence
 * match). Here each search word must be a plain substring of an alias, which is stricter; the
 * browser test (test/ui) types the same words into the real editor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { ACTION_ONLY_WORDS, SEARCH_WORDS } from '../fixtures/search-words';

const root = join(__dirname, '..', '..');
const aliasesOf = (path: string) =>
	(JSON.parse(readFileSync(join(root, path), 'utf8')) as { alias: string[] }).alias.map((a) =>
		a.toLowerCase(),
	);
const found = (aliases: string[], word: string) =>
	aliases.some((alias) => alias.includes(word.toLowerCase()));

describe('codex aliases: every search word finds the node and the trigger', () => {
	const node = aliasesOf('nodes/Wdt/Wdt.node.json');
	const trigger = aliasesOf('nodes/WdtTrigger/WdtTrigger.node.json');

	it.each(SEARCH_WORDS)('the node by "%s"', (word) => {
		expect(found(node, word)).toBe(true);
	});

	it.each(SEARCH_WORDS.filter((word) => !ACTION_ONLY_WORDS.includes(word)))(
		'the trigger by "%s"',
		(word) => {
			expect(found(trigger, word)).toBe(true);
		},
	);

	it("every resource's name is an alias of the node (each event's words: resource-registry.test.ts)", () => {
		const resource = new Wdt().description.properties.find((p) => p.name === 'resource');
		const names = (resource?.options ?? [])
			.map((option) => (option as { name: string }).name.toLowerCase())
			.filter((name) => name !== 'custom');
		expect(names.length).toBeGreaterThanOrEqual(10);
		for (const name of names) expect(found(node, name), name).toBe(true);
	});
});
