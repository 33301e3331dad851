/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Secret-leak collector.
 *
 * Every text the harness sees (error messages, descriptions, stacks, serialized errors, output
 * item JSON, log lines) is appended as one JSON line to the file named by `WDT_LEAK_LOG`; the
 * secrets to look for (credential secrets and salts, sign values the simulator saw) are appended
 * to the same file by `recordSecretValues`. The vitest globalSetup (test/global-setup.ts) creates
 * the file in a temp dir before the workers start and, at teardown, scans it with `scanLeakLog`
 * and fails the run if any secret appears in any recorded text.
 *
 * The file is shared by all worker processes: every record is one `appendFileSync` call (one
 * `write(2)` on an O_APPEND descriptor), so records of parallel forks never interleave inside a
 * line. The scanner also reads the raw line, so a line that fails to parse is still searched.
 *
 * Nothing here prints a secret: findings name the kind of value and where it was recorded.
 */
import { appendFileSync, readFileSync } from 'node:fs';

export const LEAK_LOG_ENV = 'WDT_LEAK_LOG';

/** Values shorter than this are not searched for: they match ordinary text by chance. */
export const MIN_SECRET_LENGTH = 6;

export interface SecretRecord {
	type: 'secret';
	/** What the value is, e.g. 'credential secret', 'credential salt', 'sign'. Printed in reports. */
	kind: string;
	value: string;
}

export interface TextRecord {
	type: 'text';
	/** What the text is, e.g. 'error message', 'output item', 'log warn'. */
	kind: string;
	/** Where it came from: test file, test title, harness function and node. */
	context: string;
	text: string;
}

export type LeakRecord = SecretRecord | TextRecord;

export interface LeakFinding {
	secretKind: string;
	textKind: string;
	context: string;
	/** How the secret appeared: as is, JSON-escaped or URL-encoded. */
	form: string;
}

function leakLogPath(): string | undefined {
	const path = process.env[LEAK_LOG_ENV];
	return path && path.trim() !== '' ? path : undefined;
}

function append(record: LeakRecord): void {
	const path = leakLogPath();
	if (!path) return;
	appendFileSync(path, `${JSON.stringify(record)}\n`, 'utf8');
}

/** Where the current call happens: the running test's file and title, when inside a test. */
function currentTestContext(): string {
	// vitest keeps the running test's name on its global `expect` (Symbol.for('expect-global'),
	// set before each test). Read it without importing vitest, so that this module also works
	// outside a test worker (e.g. in the simulator CLI).
	type ExpectState = { currentTestName?: string; testPath?: string };
	const globalExpect = (globalThis as Record<symbol, { getState?: () => ExpectState } | undefined>)[
		Symbol.for('expect-global')
	];
	let state: ExpectState | undefined;
	try {
		state = globalExpect?.getState?.();
	} catch {
		state = undefined;
	}
	const parts: string[] = [];
	if (state?.testPath) parts.push(state.testPath.replace(/^.*?\/test\//, 'test/'));
	if (state?.currentTestName) parts.push(`"${state.currentTestName}"`);
	return parts.join(' > ');
}

let explicitTestContext: string | undefined;

/** Sets the context recorded with texts when no vitest test is running (e.g. in hooks). */
export function setLeakContext(context: string | undefined): void {
	explicitTestContext = context;
}

/** Registers values that must never appear in recorded texts (sign values, secrets, salts). */
export function recordSecretValues(values: string[], kind = 'secret'): void {
	for (const value of values) {
		if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
		append({ type: 'secret', kind, value });
	}
}

/** Records one text produced by the harness, for the teardown scan. */
export function recordText(kind: string, where: string, text: string | undefined | null): void {
	if (text === undefined || text === null || text === '') return;
	const test = currentTestContext() || explicitTestContext || 'outside a test';
	append({ type: 'text', kind, context: `${test} > ${where}`, text });
}

/** JSON.stringify that survives cycles, Errors, BigInts and getters that throw. */
export function safeStringify(value: unknown, maxDepth = 12): string {
	const seen = new WeakSet<object>();
	const walk = (input: unknown, depth: number): unknown => {
		if (input === null || typeof input !== 'object') {
			if (typeof input === 'bigint') return input.toString();
			if (typeof input === 'function') return `[function ${(input as { name?: string }).name ?? ''}]`;
			if (typeof input === 'symbol') return input.toString();
			return input;
		}
		if (seen.has(input)) return '[circular]';
		if (depth > maxDepth) return '[too deep]';
		seen.add(input);
		if (Buffer.isBuffer(input)) return input.toString('utf8');
		if (Array.isArray(input)) return input.map((entry) => walk(entry, depth + 1));
		const out: Record<string, unknown> = {};
		if (input instanceof Error) {
			out.name = input.name;
			out.message = input.message;
			out.stack = input.stack;
		}
		for (const key of Object.keys(input)) {
			try {
				out[key] = walk((input as Record<string, unknown>)[key], depth + 1);
			} catch {
				out[key] = '[unreadable]';
			}
		}
		if (input instanceof Error && input.cause !== undefined && !('cause' in out)) {
			out.cause = walk(input.cause, depth + 1);
		}
		return out;
	};
	try {
		return JSON.stringify(walk(value, 0)) ?? '';
	} catch {
		return String(value);
	}
}

/**
 * Records an error's message, description and stack, and (unless `serialized` is false) its
 * full serialization, own properties and cause included: what n8n persists in execution data
 * and shows in the editor's error details.
 */
export function recordError(where: string, error: unknown, { serialized = true }: { serialized?: boolean } = {}): void {
	if (error === undefined || error === null) return;
	if (typeof error !== 'object') {
		recordText('error', where, String(error));
		return;
	}
	const e = error as { message?: unknown; description?: unknown; stack?: unknown };
	if (typeof e.message === 'string') recordText('error message', where, e.message);
	if (typeof e.description === 'string') recordText('error description', where, e.description);
	if (typeof e.stack === 'string') recordText('error stack', where, e.stack);
	if (serialized) recordText('error (serialized)', where, safeStringify(error));
}

/** Records the JSON of every item of every output. */
export function recordItems(where: string, outputs: ReadonlyArray<ReadonlyArray<{ json?: unknown; error?: unknown } | null> | null> | null | undefined): void {
	if (!outputs) return;
	outputs.forEach((items, outputIndex) => {
		items?.forEach((item, itemIndex) => {
			if (!item) return;
			recordText('output item', `${where} output ${outputIndex} item ${itemIndex}`, safeStringify(item.json));
			if (item.error) recordError(`${where} output ${outputIndex} item ${itemIndex} error`, item.error);
		});
	});
}

// ---------------------------------------------------------------------------------------------
// The scanner (pure; used by the globalSetup teardown and unit-tested on its own)
// ---------------------------------------------------------------------------------------------

/** The forms in which a secret may show up in a recorded text. */
function secretForms(value: string): Array<{ form: string; needle: string }> {
	const forms = [{ form: 'as is', needle: value }];
	const jsonEscaped = JSON.stringify(value).slice(1, -1);
	if (jsonEscaped !== value) forms.push({ form: 'JSON-escaped', needle: jsonEscaped });
	const urlEncoded = encodeURIComponent(value);
	if (urlEncoded !== value) forms.push({ form: 'URL-encoded', needle: urlEncoded });
	return forms;
}

/** Parses the log; a line that is not valid JSON is kept as a text record of kind 'raw line'. */
export function parseLeakLog(content: string): LeakRecord[] {
	const records: LeakRecord[] = [];
	content.split('\n').forEach((line, index) => {
		if (line.trim() === '') return;
		try {
			const parsed = JSON.parse(line) as LeakRecord;
			if (parsed && (parsed.type === 'secret' || parsed.type === 'text')) {
				records.push(parsed);
				return;
			}
		} catch {
			// fall through: still search the raw text
		}
		records.push({ type: 'text', kind: 'raw line', context: `leak log line ${index + 1}`, text: line });
	});
	return records;
}

/** Finds every (secret, text) pair where the text contains the secret in some form. */
export function scanForLeaks(records: readonly LeakRecord[]): LeakFinding[] {
	const secrets = new Map<string, string>();
	for (const record of records) {
		if (record.type === 'secret' && record.value.length >= MIN_SECRET_LENGTH && !secrets.has(record.value)) {
			secrets.set(record.value, record.kind);
		}
	}
	const findings: LeakFinding[] = [];
	const reported = new Set<string>();
	for (const record of records) {
		if (record.type !== 'text') continue;
		for (const [value, secretKind] of secrets) {
			for (const { form, needle } of secretForms(value)) {
				if (!record.text.includes(needle)) continue;
				const key = `${secretKind}\u0000${record.kind}\u0000${record.context}\u0000${form}`;
				if (!reported.has(key)) {
					reported.add(key);
					findings.push({ secretKind, textKind: record.kind, context: record.context, form });
				}
				break;
			}
		}
	}
	return findings;
}

/** A report naming what leaked and where, without the secret values. */
export function formatLeakReport(findings: readonly LeakFinding[]): string {
	const lines = findings.map(
		(finding) => `  - ${finding.secretKind} value (${finding.form}) in ${finding.textKind} at: ${finding.context}`,
	);
	return [
		`Secret leak check failed: ${findings.length} leak(s) of registered secret values found (values not shown).`,
		...lines,
		'Rerun with WDT_KEEP_LEAK_LOG=1 to keep the leak log for inspection.',
	].join('\n');
}

/** Reads and scans a leak log file; a missing file counts as empty. */
export function scanLeakLog(path: string): LeakFinding[] {
	let content = '';
	try {
		content = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	return scanForLeaks(parseLeakLog(content));
}
