/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The package's layering: the action node (nodes/Wdt) and the trigger node (nodes/WdtTrigger)
 * sit side by side on nodes/shared and never import each other, and nothing shipped (nodes/,
 * credentials/) imports the tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|mts|js)$/.test(entry.name) ? [path] : [];
	});
}

/** Every relative module a file imports or re-exports (static or dynamic), as repo paths. */
export function importedPaths(file: string, text: string): string[] {
	const specifiers = [
		...text.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g),
		...text.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
		...text.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
	].map((match) => match[1]);
	return specifiers
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) =>
			relative(ROOT, resolve(dirname(file), specifier))
				.split(sep)
				.join('/'),
		);
}

function crossings(from: string, forbidden: string[]): string[] {
	return sourceFiles(join(ROOT, from)).flatMap((file) =>
		importedPaths(file, readFileSync(file, 'utf8'))
			.filter((path) => forbidden.some((root) => path === root || path.startsWith(`${root}/`)))
			.map((path) => `${relative(ROOT, file)} imports ${path}`),
	);
}

describe('imports', () => {
	it('finds imports, re-exports and dynamic imports', () => {
		const file = join(ROOT, 'nodes/WdtTrigger/events/x.ts');
		const text = [
			"import { a } from '../../Wdt/actions/read';",
			"import type {\n\tb,\n} from '../../shared/read';",
			"export { c } from './c';",
			"const d = await import('../../../test/harness');",
		].join('\n');
		expect(importedPaths(file, text)).toEqual([
			'nodes/Wdt/actions/read',
			'nodes/shared/read',
			'nodes/WdtTrigger/events/c',
			'test/harness',
		]);
	});

	it('no file under nodes/WdtTrigger imports from nodes/Wdt', () => {
		expect(crossings('nodes/WdtTrigger', ['nodes/Wdt'])).toEqual([]);
	});

	it('no file under nodes/Wdt imports from nodes/WdtTrigger', () => {
		expect(crossings('nodes/Wdt', ['nodes/WdtTrigger'])).toEqual([]);
	});

	it('nothing under nodes/ or credentials/ imports test/', () => {
		expect([...crossings('nodes', ['test']), ...crossings('credentials', ['test'])]).toEqual([]);
	});
});
