/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Doc-example mode: the simulator answers a method with its doc page's own reply example, so
 * tests run our parsing on the vendor's exact shapes. The examples come from the committed
 * catalog fixtures, test/fixtures/wdt-docs/<method>.json (`replyExample`), through a small
 * interface so a test can supply its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CatalogParam } from '../../nodes/shared/catalog/types';
import type { WdtReply } from './methods';

/** Where doc-example mode finds a method's reply example (undefined: the page has none). */
export interface DocExampleSource {
	replyExample(method: string): unknown;
}

/** The folder of the catalog's per-method fixtures. */
export const DOC_FIXTURE_FOLDER = join(__dirname, '..', 'fixtures', 'wdt-docs');

const METHOD_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/;

/** The documented facts of one method, as the catalog fixture holds them. */
export interface DocFixture {
	method: string;
	/** The documented reply field tree under `data` (for a list `data`: the fields of an entry). */
	response: CatalogParam[];
	replyExample?: unknown;
	requestExample?: unknown;
}

/** Reads test/fixtures/wdt-docs/<method>.json; undefined when there is no such fixture. */
export function readDocFixture(method: string): DocFixture | undefined {
	if (!METHOD_NAME.test(method)) return undefined;
	const file = join(DOC_FIXTURE_FOLDER, `${method}.json`);
	if (!existsSync(file)) return undefined;
	return JSON.parse(readFileSync(file, 'utf8')) as DocFixture;
}

/** The catalog fixtures as a source of reply examples. */
export const fixtureDocExamples: DocExampleSource = {
	replyExample: (method) => readDocFixture(method)?.replyExample,
};

/** A source from examples written in a test: `{ 'a.B.c': {status: 0, data: …} }`. */
export function docExamplesFrom(examples: Readonly<Record<string, unknown>>): DocExampleSource {
	return { replyExample: (method) => examples[method] };
}

export interface DocExampleMode {
	/** The methods answered with their example ('all': every method the source has one for). */
	methods: ReadonlySet<string> | 'all';
	source: DocExampleSource;
	/**
	 * What a paged call for page_no ≥ 1 gets: 'empty' (the example with every list under
	 * `data` emptied, a page past the end; default) or 'repeat' (the example again).
	 */
	laterPages: 'empty' | 'repeat';
}

/**
 * The reply for one call, or undefined when the mode does not cover the method. Some pages show
 * only the `data` part (purchase.PurchaseApply.search): such an example is sent as
 * `{status: 0, data: <example>}`.
 */
export function docExampleReply(
	mode: DocExampleMode | undefined,
	method: string,
	pageNo: number | undefined,
): WdtReply | undefined {
	if (!mode || (mode.methods !== 'all' && !mode.methods.has(method))) return undefined;
	const example = mode.source.replyExample(method);
	if (example === undefined || example === null) return undefined;
	const copy: unknown = structuredClone(example);
	const reply = (isObject(copy) && 'status' in copy ? copy : { status: 0, data: copy }) as WdtReply;
	if (pageNo !== undefined && pageNo > 0 && mode.laterPages === 'empty') {
		reply.data = emptyLists(reply.data);
	}
	return reply;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every array inside `value` replaced by []; scalars and the objects around them kept. */
function emptyLists(value: unknown): unknown {
	if (Array.isArray(value)) return [];
	if (!isObject(value)) return value;
	return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, emptyLists(inner)]));
}
