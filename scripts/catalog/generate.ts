/* eslint-disable -- dev tooling, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Builds every generated catalog file in memory from the shared vendor docs folder
 * (methods.tsv, docs/, seeds/). Seed pages win over docs pages of the same method.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';

import type { CatalogMethod } from '../../nodes/shared/catalog/types';
import {
	buildMethod,
	completeStatusTables,
	parseMethodIndex,
	renderCatalogModule,
	renderFixture,
} from './parse';

export const REPO_ROOT = resolve(__dirname, '../..');
export const CATALOG_MODULE = 'nodes/shared/catalog/methods.generated.ts';
export const FIXTURE_DIR = 'test/fixtures/wdt-docs';
export const NAMES_FILE = 'scripts/method-names-en.json';

/**
 * The vendor docs folder, only when $WDT_API_DOCS names it: nothing reads a folder outside the
 * repository unless asked to (a clone has none; the committed catalog is what everything uses).
 */
export function vendorDocsDir(): string | undefined {
	return process.env.WDT_API_DOCS || undefined;
}

export interface GeneratedCatalog {
	/** Repository-relative path -> file content. */
	files: Map<string, string>;
	entries: CatalogMethod[];
	warnings: Array<{ method: string; warning: string }>;
}

export async function generateCatalog(docsDir: string): Promise<GeneratedCatalog> {
	const tsv = readFileSync(join(docsDir, 'methods.tsv'), 'utf8');
	const names = JSON.parse(readFileSync(join(REPO_ROOT, NAMES_FILE), 'utf8')) as Record<
		string,
		string
	>;
	const files = new Map<string, string>();
	const entries: CatalogMethod[] = [];
	const warnings: GeneratedCatalog['warnings'] = [];
	for (const row of parseMethodIndex(tsv)) {
		const nameEn = names[row.method];
		if (!nameEn) throw new Error(`${NAMES_FILE} has no English name for ${row.method}`);
		const pagePath = ['seeds', 'docs']
			.map((folder) => join(docsDir, folder, `${row.method}.md`))
			.find((path) => existsSync(path));
		const markdown = pagePath ? readFileSync(pagePath, 'utf8') : undefined;
		const built = buildMethod(row, nameEn, markdown);
		entries.push(built.entry);
		for (const warning of built.warnings) warnings.push({ method: row.method, warning });
		if (built.fixture) files.set(`${FIXTURE_DIR}/${row.method}.json`, renderFixture(built.fixture));
	}
	completeStatusTables(entries);
	const prettierOptions = (await prettier.resolveConfig(join(REPO_ROOT, CATALOG_MODULE))) ?? {};
	files.set(
		CATALOG_MODULE,
		await prettier.format(renderCatalogModule(entries), {
			...prettierOptions,
			parser: 'typescript',
		}),
	);
	files.set(`${FIXTURE_DIR}/methods.tsv`, tsv);
	files.set(
		`${FIXTURE_DIR}/sign-vectors.json`,
		readFileSync(join(docsDir, 'sign-vectors.json'), 'utf8'),
	);
	return { files, entries, warnings };
}
