/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * n8n verifies a community package with @n8n/scan-community-package. For a published version
 * it (1) checks the npm provenance statement, (2) fetches the GitHub source the statement names
 * and lints package.json and nodes/ and credentials/, and (3) lints the tarball's compiled .js
 * and package.json. Steps 1 and the download in 2 need the registry and GitHub, so this test
 * skips only those: it runs the scanner's own lint (`analyzePackage`, same config, same file
 * patterns) on this checkout and on our packed tarball (`npm pack`), so that a forbidden pattern
 * fails `npm test` before anything is published. It needs `npm run build` first (npm test does).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}

const SCANNER = join(root, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs');

/** What the scanner lints in the tarball it downloads. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];
/** Its own SOURCE_FILE_PATTERNS: what it lints in the provenance-attested source checkout. */
const SOURCE = 'source';

const SCAN_TIMEOUT_MS = 180_000;

/**
 * Runs the scanner's `analyzePackage` in a separate Node process. Not in this one: vitest sets
 * NODE_ENV=test, and eslint-plugin-n8n-nodes-base then treats every file as "Test.node.ts"
 * (its own test mode), which reports false errors such as "Rename file to Wdt.node.ts".
 */
async function scan(packageDir: string, patterns: string[] | typeof SOURCE): Promise<ScanResult> {
	const script = `
		const scanner = await import(${JSON.stringify(pathToFileURL(SCANNER).href)});
		const patterns = ${JSON.stringify(patterns)};
		const result = await scanner.analyzePackage(
			${JSON.stringify(packageDir)},
			patterns === 'source' ? scanner.SOURCE_FILE_PATTERNS : patterns,
		);
		console.log();
		console.log('@@result ' + JSON.stringify({ ...result, error: undefined }));
	`;
	const { NODE_ENV: _ignored, ...env } = process.env;
	// Asynchronously, so that vitest's worker stays responsive during the ~20 s lint.
	const { stdout: output } = await promisify(execFile)(
		process.execPath,
		['--input-type=module', '-e', script],
		{ cwd: root, env, encoding: 'utf8', timeout: SCAN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
	);
	const line = output.split('\n').find((entry) => entry.startsWith('@@result '));
	if (!line) throw new Error(`The scanner printed no result:\n${output}`);
	return JSON.parse(line.slice('@@result '.length)) as ScanResult;
}

let workFolder: string;
let packageDir: string;

beforeAll(() => {
	if (!existsSync(join(root, 'dist/nodes/Wdt/Wdt.node.js')))
		throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
	workFolder = mkdtempSync(join(tmpdir(), 'wdt-scan-'));
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', workFolder], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	) as Array<{ filename: string }>;
	packageDir = join(workFolder, 'package');
	execFileSync('tar', ['-xzf', join(workFolder, packed[0].filename), '-C', workFolder]);
}, SCAN_TIMEOUT_MS);

afterAll(() => {
	if (workFolder) rmSync(workFolder, { recursive: true, force: true });
});

function report(result: ScanResult): string {
	return `${result.message ?? ''}\n${result.details ?? ''}`;
}

describe('@n8n/scan-community-package code checks (registry and provenance steps skipped)', () => {
	it('the tarball ships the built nodes, the credential, LICENSE and no runtime dependencies', () => {
		const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.license).toBe('MIT');
		for (const file of [
			...manifest.n8n.nodes,
			...manifest.n8n.credentials,
			'LICENSE',
			'README.md',
			'CHANGELOG.md',
		])
			expect(existsSync(join(packageDir, file)), file).toBe(true);
		expect(readFileSync(join(packageDir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
	});

	it(
		"passes on the packed tarball's compiled .js and package.json",
		async () => {
			const result = await scan(packageDir, TARBALL_FILE_PATTERNS);
			expect(result.passed, report(result)).toBe(true);
		},
		SCAN_TIMEOUT_MS,
	);

	it(
		'passes on the source it would fetch from GitHub: package.json, nodes/ and credentials/',
		async () => {
			const result = await scan(root, SOURCE);
			expect(result.passed, report(result)).toBe(true);
		},
		SCAN_TIMEOUT_MS,
	);

	it(
		'fails a tarball with a forbidden pattern (the check is live)',
		async () => {
			const tampered = join(workFolder, 'tampered');
			cpSync(packageDir, tampered, { recursive: true });
			const node = join(tampered, 'dist/nodes/Wdt/Wdt.node.js');
			writeFileSync(
				node,
				`${readFileSync(node, 'utf8')}\nconst fs = require('fs');\nfs.writeFileSync('/tmp/x', process.env.HOME);\n`,
			);
			// Only the changed file, to keep the run short; the clean tarball passed above.
			const result = await scan(tampered, ['dist/nodes/Wdt/Wdt.node.js']);
			expect(result.passed).toBe(false);
			expect(result.details).toMatch(/Wdt\.node\.js/);
			expect(result.details).toMatch(/no-restricted-(imports|globals)/);
		},
		SCAN_TIMEOUT_MS,
	);
});
