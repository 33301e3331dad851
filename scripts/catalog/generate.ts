/**
 * Builds every generated catalog file in memory from the shared vendor docs folder
 * (methods.tsv, docs/, seeds/). Seed pages win over docs pages of the same method.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

import type { CatalogMethod } from '../../nodes/shared/catalog/types';
import { buildMethod, parseMethodIndex, renderCatalogModule, renderFixture } from './parse';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CATALOG_MODULE = 'nodes/shared/catalog/methods.generated.ts';
export const FIXTURE_DIR = 'test/fixtures/wdt-docs';
export const NAMES_FILE = 'scripts/method-names-en.json';

/** The vendor docs folder: $WDT_API_DOCS, else ../shared/wdt-api beside the repository. */
export function sharedDocsDir(): string {
	return process.env.WDT_API_DOCS ?? resolve(REPO_ROOT, '..', 'shared', 'wdt-api');
}

export interface GeneratedCatalog {
	/** Repository-relative path -> file content. */
	files: Map<string, string>;
	entries: CatalogMethod[];
	warnings: Array<{ method: string; warning: string }>;
}

export async function generateCatalog(docsDir = sharedDocsDir()): Promise<GeneratedCatalog> {
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
