/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, …) are for node code. */
/**
 * The ambiguity register (docs/wdt-ambiguities.md) and the simulator's "Readings" table
 * (test/simulator/README.md) cover every reading the simulator serves, name only options that
 * exist, and every register entry gives the five parts the register's own format states.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { DEFAULT_PAGING, DEFAULT_REPLY_CHOICES, type PagingBehaviour } from '../simulator/store';

const root = join(__dirname, '../..');
const REGISTER_PATH = 'docs/wdt-ambiguities.md';
const register = readFileSync(join(root, REGISTER_PATH), 'utf8');
const simulatorReadme = readFileSync(join(root, 'test/simulator/README.md'), 'utf8');

const replyChoices = Object.keys(DEFAULT_REPLY_CHOICES);
/** PagingBehaviour's optional fields, which DEFAULT_PAGING leaves unset. */
const OPTIONAL_PAGING: Array<keyof PagingBehaviour> = ['pageCap'];
const pagingOptions = [...Object.keys(DEFAULT_PAGING), ...OPTIONAL_PAGING];

/** The five parts of an entry, as the register's "Entry format" states them. */
const PARTS = [
	'Page and words',
	'Readings',
	'What the package does',
	'Simulator option',
	'Check Assumptions probe',
];

/** Headings of sections the register marks as notes rather than ambiguities. */
const NOTE_HEADING = /^(Not an ambiguity for the package: |Simulator knobs that are not readings$)/;

interface Section {
	level: number;
	title: string;
	body: string;
}

/** The register's sections by heading, outside code fences (the format's example is one). */
function sections(markdown: string): Section[] {
	const found: Section[] = [];
	let inFence = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) inFence = !inFence;
		const heading = inFence ? null : /^(#{1,6}) (.*)$/.exec(line);
		if (heading) found.push({ level: heading[1].length, title: heading[2].trim(), body: '' });
		else if (found.length) found[found.length - 1].body += `${line}\n`;
	}
	return found;
}

/**
 * The entries: every section below the title that is neither a group (a heading whose next
 * heading is deeper, introducing entries) nor a note the register marks as such.
 */
function entries(markdown: string): Section[] {
	const all = sections(markdown);
	return all.filter(
		(section, index) =>
			section.level > 1 &&
			!NOTE_HEADING.test(section.title) &&
			!(index + 1 < all.length && all[index + 1].level > section.level),
	);
}

/** The option names of the Readings table's first column (`replies.x`, `paging.x`, `x`). */
function readingsTableOptions(markdown: string): string[] {
	const start = markdown.indexOf('## Readings');
	expect(start, 'test/simulator/README.md has a "Readings" section').toBeGreaterThan(-1);
	const end = markdown.indexOf('\n## ', start + 1);
	return markdown
		.slice(start, end === -1 ? undefined : end)
		.split('\n')
		.map((line) => /^\| `([^`]+)`/.exec(line)?.[1])
		.filter((name): name is string => name !== undefined);
}

/** The options `<prefix>.<name>` a text names (not a file path such as test/unit/paging.test.mts). */
const named = (markdown: string, prefix: string) => [
	...new Set(
		[
			...markdown.matchAll(
				new RegExp(`(?<![\\w/.-])${prefix}\\.([A-Za-z0-9]+)(?![\\w.-]*\\.m?ts)`, 'g'),
			),
		].map((match) => match[1]),
	),
];

describe('the ambiguity register and the simulator readings', () => {
	it.each(replyChoices)('replies.%s has a register entry and a Readings row', (key) => {
		expect(register, `${REGISTER_PATH} names replies.${key}`).toContain(`\`replies.${key}\``);
		expect(readingsTableOptions(simulatorReadme), 'test/simulator/README.md, Readings').toContain(
			`replies.${key}`,
		);
	});

	it('every replies.<name> and paging.<name> the register names is a simulator option', () => {
		const replies = named(register, 'replies');
		const paging = named(register, 'paging');
		expect(replies.length).toBeGreaterThanOrEqual(replyChoices.length);
		expect(replies.filter((name) => !replyChoices.includes(name))).toEqual([]);
		expect(paging.length).toBeGreaterThan(0);
		expect(paging.filter((name) => !pagingOptions.includes(name))).toEqual([]);
	});

	it("every option in the README's Readings table is a simulator option", () => {
		const rows = readingsTableOptions(simulatorReadme);
		expect(rows.length).toBeGreaterThanOrEqual(replyChoices.length);
		for (const row of rows) {
			const [scope, name] = row.includes('.') ? row.split('.') : ['', row];
			if (scope === 'replies') expect(replyChoices, row).toContain(name);
			else if (scope === 'paging') expect(pagingOptions, row).toContain(name);
		}
	});

	it('the register states the format its entries follow', () => {
		for (const part of PARTS) expect(register).toContain(`**${part}:**`);
	});

	const registerEntries = entries(register);

	it('finds the entries (each a section with no deeper heading below it)', () => {
		expect(registerEntries.length).toBeGreaterThan(40);
	});

	it.each(registerEntries.map((entry) => [entry.title, entry]))(
		'entry "%s" gives the five labelled parts',
		(_title, entry) => {
			const missing = PARTS.filter(
				(part) => !new RegExp(`^- \\*\\*${part}:\\*\\*\\s*\\S`, 'm').test(entry.body),
			);
			expect(missing).toEqual([]);
		},
	);
});
