/* eslint-disable -- dev tooling, never shipped: the community-node lint rules (no node:fs, no process, no console, …) are for node code. */
/**
 * Regenerates the method catalog from the vendor docs, run by hand:
 * `WDT_API_DOCS=<docs folder> npm run gen:catalog`. Reads that folder (methods.tsv, docs/, seeds/);
 * writes nodes/shared/catalog/methods.generated.ts and test/fixtures/wdt-docs/.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { FIXTURE_DIR, REPO_ROOT, generateCatalog, vendorDocsDir } from './catalog/generate';

async function main() {
	const docsDir = vendorDocsDir();
	if (!docsDir) {
		console.error(
			'Set WDT_API_DOCS to the vendor docs folder (with methods.tsv, docs/ and seeds/).',
		);
		process.exit(2);
	}
	const { files, entries, warnings } = await generateCatalog(docsDir);
	const fixtureDir = join(REPO_ROOT, FIXTURE_DIR);
	mkdirSync(fixtureDir, { recursive: true });
	for (const name of readdirSync(fixtureDir)) {
		if (!files.has(`${FIXTURE_DIR}/${name}`)) rmSync(join(fixtureDir, name));
	}
	for (const [path, content] of files) {
		mkdirSync(dirname(join(REPO_ROOT, path)), { recursive: true });
		writeFileSync(join(REPO_ROOT, path), content);
	}
	const documented = entries.filter((e) => e.documented);
	const paged = documented.filter((e) => e.paged);
	const count = (test: (e: (typeof entries)[number]) => boolean) => documented.filter(test).length;
	console.log(`Read ${docsDir}`);
	console.log(
		`${entries.length} methods: ${documented.length} documented, ${entries.length - documented.length} without a page ` +
			`(${entries
				.filter((e) => !e.documented)
				.map((e) => e.method)
				.join(', ')})`,
	);
	console.log(
		`${count((e) => e.write)} writes, ${paged.length} paged, ${count((e) => e.listPath !== undefined)} with a list path, ` +
			`${count((e) => e.maxWindowMs !== undefined)} with a window limit, ${count((e) => e.statusTables !== undefined)} with status tables, ` +
			`${count((e) => e.notes !== undefined)} with notes`,
	);
	const noList = paged.filter((e) => !e.listPath).map((e) => e.method);
	console.log(
		`Paged methods whose list path could not be determined: ${noList.length ? noList.join(', ') : 'none'}`,
	);
	for (const { method, warning } of warnings) console.log(`  ${method}: ${warning}`);
	console.log(`Wrote ${files.size} files`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
