/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * n8n verifies only packages whose interface is in English: display names, descriptions, hints,
 * placeholders, notices, option names and error messages. WDT's Chinese terms may appear only
 * as codex search aliases, in the method picker's search matching and as WDT's own data (status
 * names from WDT, WDT's messages the code recognizes). This test holds the package to that.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { WdtApi } from '../../credentials/WdtApi.credentials';
import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { searchMethods } from '../../nodes/Wdt/methods/listSearch';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';

const root = join(__dirname, '../..');

/** Han, kana, Hangul, CJK punctuation and full-width forms (，；：). */
const CJK =
	/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Source files that are WDT's data, not our interface. Keep this list short: anything else
 * with Chinese text must be English or be one of the data contexts in `isWdtData` below.
 */
const DATA_FILES = [
	// Generated from WDT's method pages: Chinese names, categories, status tables, quoted notes.
	'nodes/shared/catalog/',
	// WDT's method list with its Chinese names and categories, for the method picker's search.
	'nodes/shared/protocol/methods.ts',
];

interface Finding {
	where: string;
	text: string;
}

function hasCjk(text: string): boolean {
	return CJK.test(text);
}

/**
 * Messages may quote WDT's own reply text after an English explanation, e.g.
 * `WDT rejected the signature ("验证失败")`: Chinese is allowed only inside double quotes.
 */
function isEnglishMessage(text: string): boolean {
	const outsideQuotes = text.replace(/"[^"]*"|“[^”]*”/g, '""');
	return !hasCjk(outsideQuotes) && /[A-Za-z]{2}/.test(outsideQuotes);
}

/**
 * Our own texts are English sentences. A literal without a single Latin letter (only Chinese,
 * digits and punctuation) is WDT's text the code works with: a reply message it recognizes, a
 * status name, a note of a method page it looks for. Display texts and thrown messages are held
 * to the stricter checks above and below, whatever their literal looks like.
 */
function isWdtText(text: string): boolean {
	return !/[A-Za-z]/.test(text);
}

/** Shows at most 40 findings, so a failure stays readable, and how many there are. */
function summary(found: Finding[]): { count: number; first: Finding[] } {
	return { count: found.length, first: found.slice(0, 40) };
}

const NONE = { count: 0, first: [] };

function toPosix(path: string): string {
	return path.split(sep).join('/');
}

/** Every string in a node or credential description, with its path, except option values. */
function displayTexts(value: unknown, path: string, found: Finding[]): Finding[] {
	if (typeof value === 'string') {
		// A credential test's rule messages are messages; everything else is display text.
		const allowed = /\.test\.rules\[\d+\]\.properties\.message$/.test(path)
			? isEnglishMessage(value)
			: !hasCjk(value);
		if (!allowed) found.push({ where: path, text: value });
	} else if (Array.isArray(value)) {
		value.forEach((entry, index) => displayTexts(entry, `${path}[${index}]`, found));
	} else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) {
			// `value` is never shown: option values are internal, and a credential-test rule's
			// `value` is WDT's own reply text it matches (its `message` is shown and is checked).
			if (key === 'value') continue;
			displayTexts(entry, `${path}.${key}`, found);
		}
	}
	return found;
}

function sourceFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
	});
}

const files = [...sourceFiles(join(root, 'nodes')), ...sourceFiles(join(root, 'credentials'))].map(
	(path) => ({
		path: toPosix(relative(root, path)),
		source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
	}),
);

function literalText(node: ts.Node): string | undefined {
	if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
	if (ts.isTemplateExpression(node))
		return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('${…}');
	return undefined;
}

function where(file: { path: string; source: ts.SourceFile }, node: ts.Node): string {
	const { line } = file.source.getLineAndCharacterOfPosition(node.getStart(file.source));
	return `${file.path}:${line + 1}`;
}

/** Every string or template literal under `node`, with its position. */
function literalsIn(
	file: { path: string; source: ts.SourceFile },
	node: ts.Node,
	visit: (literal: ts.Node, text: string) => void,
): void {
	const text = literalText(node);
	if (text !== undefined) {
		visit(node, text);
		if (!ts.isTemplateExpression(node)) return;
	}
	node.forEachChild((child) => literalsIn(file, child, visit));
}

/** Errors we throw: their messages are what the user reads in n8n. */
const ERROR_CONSTRUCTORS = new Set([
	'NodeOperationError',
	'NodeApiError',
	'WdtError',
	'Error',
	'TypeError',
	'RangeError',
]);
/** Helpers that build one of those errors from their string arguments. */
const ERROR_HELPERS = new Set(['invalidInput']);

function calleeName(expression: ts.Expression): string | undefined {
	if (ts.isIdentifier(expression)) return expression.text;
	if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
	return undefined;
}

/**
 * A literal that is WDT's own text rather than ours:
 * - compared with or searched in a WDT reply (`text.includes('权限不足')`, `=== '已取消'`);
 * - a `value` property (credential-test rules match WDT's reply message with it);
 * - in a table of WDT's status names (`*_STATUS_NAMES`) or of WDT message markers (`*_MARKERS`).
 */
function isWdtData(literal: ts.Node): boolean {
	for (let node: ts.Node = literal; node.parent; node = node.parent) {
		const parent = node.parent;
		if (
			ts.isCallExpression(parent) &&
			parent.arguments.includes(node as ts.Expression) &&
			['includes', 'startsWith', 'endsWith', 'indexOf'].includes(
				calleeName(parent.expression) ?? '',
			)
		)
			return true;
		if (
			ts.isBinaryExpression(parent) &&
			[
				ts.SyntaxKind.EqualsEqualsEqualsToken,
				ts.SyntaxKind.ExclamationEqualsEqualsToken,
				ts.SyntaxKind.EqualsEqualsToken,
				ts.SyntaxKind.ExclamationEqualsToken,
			].includes(parent.operatorToken.kind)
		)
			return true;
		if (
			ts.isPropertyAssignment(parent) &&
			parent.initializer === node &&
			ts.isIdentifier(parent.name) &&
			parent.name.text === 'value'
		)
			return true;
		if (
			ts.isVariableDeclaration(parent) &&
			ts.isIdentifier(parent.name) &&
			/(_STATUS_NAMES|_MARKERS)$/.test(parent.name.text)
		)
			return true;
		// Stop at statement level: context further out says nothing about this literal.
		if (ts.isStatement(parent) && !ts.isVariableStatement(parent)) return false;
	}
	return false;
}

/** The credential type's display name, which may hold the vendor's name 旺店通 (see below). */
function isCredentialSearchName({ where, text }: Finding): boolean {
	return where === 'the WDT API credential.displayName' && !hasCjk(text.replace('旺店通', ''));
}

describe('English-only interface', () => {
	it.each([
		['the WDT node', () => new Wdt().description],
		['the WDT Trigger node', () => new WdtTrigger().description],
		['the WDT API credential', () => new WdtApi()],
	])(
		'%s: no display name, description, hint, placeholder, notice, option name or default contains Chinese',
		(label, describeIt) => {
			const description = describeIt();
			// Guard the walk itself: it must see the texts it checks.
			expect(JSON.stringify(description)).toMatch(/"displayName":"WDT/);
			const found = displayTexts(description, label, []).filter(
				(finding) => !isCredentialSearchName(finding),
			);
			expect(summary(found)).toEqual(NONE);
		},
	);

	it("the credential's display name carries the vendor's Chinese name, and nothing else Chinese, for n8n's credential type search", () => {
		// n8n's "Add new credential" search (1.x and 2.x) matches the display name only; a user
		// looking for 旺店通 finds the credential by it. The vendor's name is the only exception.
		const { displayName } = new WdtApi();
		expect(displayName).toContain('旺店通');
		expect(displayName).toMatch(/^WDT .*API$/);
		expect(hasCjk(displayName.replace('旺店通', ''))).toBe(false);
	});

	it('the method picker lists English names and method names, and still finds methods by their Chinese names', async () => {
		const context = {} as ILoadOptionsFunctions;
		const all = await searchMethods.call(context, '');
		expect(all.results.length).toBeGreaterThan(100);
		const shown = all.results.flatMap(({ name, description }) =>
			[name, description ?? ''].filter(hasCjk).map((text) => ({ where: 'searchMethods', text })),
		);
		expect(summary(shown)).toEqual(NONE);
		const byChinese = await searchMethods.call(context, '采购申请');
		expect(byChinese.results.map(({ value }) => value)).toContain('purchase.PurchaseApply.upload');
	});

	it('the codex files are English apart from the search aliases, which also hold the Chinese and pinyin terms', () => {
		const required = {
			'nodes/Wdt/Wdt.node.json': [
				'erp',
				'wangdiantong',
				'stockout',
				'purchase',
				'cancelled',
				'取消',
				'旺店通',
			],
			'nodes/WdtTrigger/WdtTrigger.node.json': [
				'erp',
				'wangdiantong',
				'stockout',
				'cancelled',
				'取消',
				'旺店通',
			],
		};
		for (const [path, words] of Object.entries(required)) {
			const { alias, ...codex } = JSON.parse(readFileSync(join(root, path), 'utf8')) as {
				alias?: string[];
			};
			expect(summary(displayTexts(codex, path, []))).toEqual(NONE);
			// n8n's node picker searches the display name and these aliases, case-insensitively.
			const aliases = (alias ?? []).map((entry) => entry.toLowerCase());
			for (const word of words)
				expect(
					aliases.some((entry) => entry.includes(word)),
					`${path} alias for "${word}"`,
				).toBe(true);
		}
	});

	it('no string passed to NodeOperationError, NodeApiError, WdtError, Error or invalidInput contains Chinese', () => {
		const found: Finding[] = [];
		for (const file of files) {
			const visit = (node: ts.Node): void => {
				const name =
					ts.isNewExpression(node) && ERROR_CONSTRUCTORS.has(calleeName(node.expression) ?? '')
						? 'new'
						: ts.isCallExpression(node) && ERROR_HELPERS.has(calleeName(node.expression) ?? '')
							? 'call'
							: undefined;
				if (name)
					for (const argument of (node as ts.NewExpression | ts.CallExpression).arguments ?? [])
						literalsIn(file, argument, (literal, text) => {
							if (hasCjk(text) && !isEnglishMessage(text))
								found.push({ where: where(file, literal), text });
						});
				node.forEachChild(visit);
			};
			visit(file.source);
		}
		expect(summary(found)).toEqual(NONE);
	});

	it('no other string in nodes/ or credentials/ contains Chinese, apart from WDT data', () => {
		expect(files.length).toBeGreaterThan(10);
		const found: Finding[] = [];
		for (const file of files) {
			if (DATA_FILES.some((prefix) => file.path.startsWith(prefix))) continue;
			literalsIn(file, file.source, (literal, text) => {
				if (hasCjk(text) && !isEnglishMessage(text) && !isWdtText(text) && !isWdtData(literal))
					if (text !== new WdtApi().displayName)
						// The credential's display name is checked on its own (isCredentialSearchName).
						found.push({ where: where(file, literal), text });
			});
		}
		expect(summary(found)).toEqual(NONE);
	});

	it('recognizes WDT data, quoted WDT messages and our own texts as intended (self-check)', () => {
		const sample = ts.createSourceFile(
			'sample.ts',
			[
				"const RATE_LIMIT_MARKERS = ['超过每分钟最大调用频率限制'];",
				"const STOCKOUT_STATUS_NAMES = { 5: '已取消' };",
				"if (text.includes('权限不足')) throw new Error('Method not granted (权限不足)');",
				"const rule = { value: '验证失败', message: 'Wrong secret' };",
				"const label = 'Purchase Apply (采购申请单)';",
				'const quoted = `WDT refused the call ("权限不足"): ask WDT to grant ${method}`;',
				"const fix = 'Ask for the method under 自助对接 → 应用管理';",
				"const rules = [byKind('message', '验证失败', 'wrongKeyOrSecret')];",
				"const LAST_TO_FIRST_NOTE = '从后往前翻页';",
				"const STOCKOUT_STATUS_NAMES = { 53: 'wms已接单' };",
			].join('\n'),
			ts.ScriptTarget.Latest,
			true,
		);
		const flagged: string[] = [];
		literalsIn({ path: 'sample.ts', source: sample }, sample, (literal, text) => {
			if (hasCjk(text) && !isEnglishMessage(text) && !isWdtText(text) && !isWdtData(literal))
				flagged.push(text);
		});
		expect(flagged).toEqual([
			'Method not granted (权限不足)',
			'Purchase Apply (采购申请单)',
			'Ask for the method under 自助对接 → 应用管理',
		]);
	});
});
