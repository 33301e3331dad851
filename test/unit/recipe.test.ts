/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, …) are for node code. */
/**
 * The recipe of docs/adding-an-operation.md holds on the real tree: a resource with its Get Many
 * and a trigger event is its record file, its operation files and its event file, plus one
 * import and one entry in each registry (nodes/shared/records/index.ts,
 * nodes/Wdt/actions/registry.ts, nodes/WdtTrigger/events/index.ts), and nothing else under
 * nodes/ names it. Checked for Purchase Order → Get Many with Purchase Order Status Changed
 * (issue 21's example) and for every other resource and event.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import type { WdtRecord } from '../../nodes/shared/records';
import { RESOURCES } from '../../nodes/Wdt/actions/registry';
import type { WdtResource } from '../../nodes/Wdt/actions/resource';
import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { TRIGGER_EVENTS } from '../../nodes/WdtTrigger/events';
import { WdtTrigger } from '../../nodes/WdtTrigger/WdtTrigger.node';

const ROOT = resolve(__dirname, '../..');
const repoPath = (path: string) => relative(ROOT, path).split(sep).join('/');

const RECORDS_DIR = 'nodes/shared/records';
const ACTIONS_DIR = 'nodes/Wdt/actions';
const EVENTS_DIR = 'nodes/WdtTrigger/events';
const RECORDS_INDEX = `${RECORDS_DIR}/index.ts`;
const REGISTRY = `${ACTIONS_DIR}/registry.ts`;
const EVENTS_INDEX = `${EVENTS_DIR}/index.ts`;
/** Files of the records folder that hold no record type. */
const NOT_RECORDS = ['index.ts', 'types.ts', 'catalogFacts.ts'];

/**
 * Resources that read no record type of their own, so they name themselves in registry.ts:
 * Other Out and Stock Sync only write (or fetch work lists WDT keeps no record for), Custom calls
 * any method, Account checks the account. A resource not listed here takes its name and
 * description from its record file.
 */
const WITHOUT_RECORD = ['otherOut', 'stockSync', 'custom', 'account'];

/** Every hand-written source file under nodes/ (the generated catalog aside), repo path → text. */
function sources(dir: string): Array<[string, string]> {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		if (!entry.name.endsWith('.ts') || entry.name.includes('.generated.')) return [];
		return [[repoPath(path), readFileSync(path, 'utf8')] as [string, string]];
	});
}
const FILES = new Map(sources(join(ROOT, 'nodes')));
const text = (path: string) => FILES.get(path) ?? '';
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (haystack: string, pattern: RegExp) =>
	[...haystack.matchAll(new RegExp(pattern.source, 'g'))].length;
const word = (name: string) => new RegExp(`\\b${escape(name)}\\b`);

interface RecordFile {
	path: string;
	/** The names it exports (the record type and its helpers): naming one is naming the record. */
	names: string[];
	/** Its record types, by exported name. */
	records: Array<{ name: string; record: WdtRecord }>;
}
const isRecord = (value: unknown): value is WdtRecord =>
	!!value && typeof value === 'object' && typeof (value as WdtRecord).method === 'string';

const recordFiles: RecordFile[] = [];
beforeAll(async () => {
	for (const file of readdirSync(join(ROOT, RECORDS_DIR))) {
		if (!file.endsWith('.ts') || NOT_RECORDS.includes(file)) continue;
		const module = (await import(join(ROOT, RECORDS_DIR, file))) as Record<string, unknown>;
		recordFiles.push({
			path: `${RECORDS_DIR}/${file}`,
			names: Object.keys(module),
			records: Object.entries(module)
				.filter(([, value]) => isRecord(value))
				.map(([name, record]) => ({ name, record: record as WdtRecord })),
		});
	}
});

/** What a resource is made of, found from the tree (not from a list kept in this test). */
interface Parts {
	resource: WdtResource;
	/** The files of actions/<resource>/. */
	folder: string[];
	operationFiles: string[];
	/** The record file that names the resource, and the record's exported name (none for WITHOUT_RECORD). */
	namingRecord?: RecordFile;
	namingConstant?: string;
	/** Record files its operations use (e.g. Sales Stockout: stockouts and cancelled stockouts). */
	records: RecordFile[];
	/** Trigger events on its records: their files. */
	eventFiles: string[];
	/** Everything that names the resource, one of its records or one of its events. */
	mentions: RegExp[];
}

function partsOf(resource: WdtResource): Parts {
	const folderPrefix = `${ACTIONS_DIR}/${resource.value}/`;
	const folder = [...FILES.keys()].filter((path) => path.startsWith(folderPrefix));
	const operationFiles = folder.filter((path) => path.endsWith('.operation.ts'));
	const names = (record: WdtRecord) =>
		record.name === resource.name && record.description === resource.description;
	const namingRecord = recordFiles.find(({ records }) =>
		records.some(({ record }) => names(record)),
	);
	const namingConstant = namingRecord?.records.find(({ record }) => names(record))?.name;
	const records = recordFiles.filter(
		(file) =>
			file === namingRecord ||
			folder.some((path) => file.names.some((name) => word(name).test(text(path)))),
	);
	const recordNames = records.flatMap((file) => file.names);
	const eventFiles = TRIGGER_EVENTS.map((event) => `${EVENTS_DIR}/${event.option.value}.ts`).filter(
		(path) => recordNames.some((name) => word(name).test(text(path))),
	);
	const eventNames = eventFiles.map((path) => path.slice(EVENTS_DIR.length + 1, -3));
	const value = escape(resource.value);
	return {
		resource,
		folder,
		operationFiles,
		namingRecord,
		namingConstant,
		records,
		eventFiles,
		mentions: [
			...[...recordNames, ...eventNames].map(word),
			// An import of a file of its folder.
			new RegExp(`['"][^'"]*/${value}/[^'"]+['"]`),
			// Its value as the resource: its operations' fields and its registry entry.
			new RegExp(`(operationFields\\(|resource: \\[|resourceOf\\()\\s*'${value}'`),
		],
	};
}

const mentioning = (parts: Parts) =>
	[...FILES.keys()].filter((path) => parts.mentions.some((pattern) => pattern.test(text(path))));

/** The text of `resourceOf('<value>', …)` in registry.ts, brackets balanced. */
function registryEntry(value: string): string {
	const registry = text(REGISTRY);
	const start = registry.search(new RegExp(`resourceOf\\(\\s*'${escape(value)}'`));
	if (start < 0) return '';
	let depth = 0;
	for (let i = start; i < registry.length; i++) {
		if (registry[i] === '(') depth++;
		if (registry[i] === ')' && --depth === 0) return registry.slice(start, i + 1);
	}
	return '';
}

/** `import * as <name> from './<resource>/<operation>.operation'` lines of registry.ts. */
function operationImports(value: string): Array<{ name: string; path: string }> {
	return [
		...text(REGISTRY).matchAll(
			new RegExp(`^import \\* as (\\w+) from '\\./(${escape(value)}/[\\w.]+\\.operation)';$`, 'gm'),
		),
	].map((match) => ({ name: match[1], path: `${ACTIONS_DIR}/${match[2]}.ts` }));
}

/** What a resource's files are allowed to be: the recipe's files and the three registries. */
function allowedFiles(parts: Parts): string[] {
	return [
		...parts.records.map((file) => file.path),
		...parts.folder,
		...parts.eventFiles,
		RECORDS_INDEX,
		REGISTRY,
		EVENTS_INDEX,
	];
}

function checkRegistries(parts: Parts) {
	const { resource, namingConstant } = parts;
	const where = resource.value;
	// registry.ts: an import per operation file, and one entry holding them all and its record.
	const entry = registryEntry(resource.value);
	expect(entry, `${where}: one resourceOf entry`).not.toBe('');
	expect(count(text(REGISTRY), /resourceOf\(\s*'/), 'one entry per resource').toBe(
		RESOURCES.length,
	);
	const imports = operationImports(resource.value);
	expect(imports.map(({ path }) => path).sort(), `${where}: an import per operation file`).toEqual(
		[...parts.operationFiles].sort(),
	);
	expect(imports).toHaveLength(resource.operations.length);
	for (const { name } of imports) {
		expect(count(text(REGISTRY), word(name)), `${where}: ${name} imported and listed`).toBe(2);
		expect(word(name).test(entry), `${where}: ${name} in its entry`).toBe(true);
	}
	if (namingConstant) {
		expect(entry, `${where}: its entry names it by its record`).toMatch(
			new RegExp(`^resourceOf\\(\\s*'${escape(resource.value)}',\\s*${namingConstant},`),
		);
		expect(
			count(text(REGISTRY), word(namingConstant)),
			`${where}: ${namingConstant} imported and listed`,
		).toBe(2);
	} else {
		expect(WITHOUT_RECORD, `${where}: a resource without a record file`).toContain(resource.value);
		expect(entry).toContain(`name: '${resource.name}'`);
	}
	// records/index.ts: one line per record file, naming its exports.
	for (const file of parts.records) {
		const module = `./${file.path.slice(RECORDS_DIR.length + 1, -3)}`;
		const lines = text(RECORDS_INDEX)
			.split(/\n(?=export|import)/)
			.filter((line) => line.includes(`'${module}'`));
		expect(lines, `${where}: ${file.path} re-exported once`).toHaveLength(1);
		for (const name of file.names)
			expect(count(text(RECORDS_INDEX), word(name)), `records/index.ts: ${name}`).toBe(1);
	}
	// events/index.ts: an import and a list entry per event (the default event is also named as such).
	for (const path of parts.eventFiles) {
		const name = path.slice(EVENTS_DIR.length + 1, -3);
		const lines = text(EVENTS_INDEX)
			.split('\n')
			.filter((line) => word(name).test(line) && !/_EVENT = /.test(line));
		expect(lines, `events/index.ts: ${name}`).toEqual([
			`import { ${name} } from './${name}';`,
			`\t${name},`,
		]);
	}
}

describe('the recipe: a resource is its record file, its operation files and its event files', () => {
	it('Purchase Order → Get Many and Purchase Order Status Changed: 3 hand-written files and a line in each registry', () => {
		const purchaseOrder = RESOURCES.find((resource) => resource.value === 'purchaseOrder')!;
		const parts = partsOf(purchaseOrder);
		const getMany = `${ACTIONS_DIR}/purchaseOrder/getMany.operation.ts`;
		const otherOperations = parts.operationFiles.filter((path) => path !== getMany);
		// Its other operations (Get, Create, Cancel) are in its folder too; the recipe's files are:
		expect(
			mentioning(parts)
				.filter((path) => !otherOperations.includes(path))
				.sort(),
		).toEqual(
			[
				`${RECORDS_DIR}/purchaseOrder.ts`,
				getMany,
				`${EVENTS_DIR}/purchaseOrderStatusChanged.ts`,
				RECORDS_INDEX,
				REGISTRY,
				EVENTS_INDEX,
			].sort(),
		);
		checkRegistries(parts);

		// The registries fold them: the Resource option with its Get Many, and the trigger's event.
		const properties = new Wdt().description.properties;
		const resourceField = properties.find((property) => property.name === 'resource')!;
		expect(resourceField.options).toContainEqual({
			name: 'Purchase Order',
			value: 'purchaseOrder',
			description: 'Purchase orders to suppliers',
		});
		const operationField = properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.[0] === 'purchaseOrder',
		)!;
		expect(operationField.default).toBe('getMany');
		expect(operationField.options).toContainEqual(
			expect.objectContaining({ name: 'Get Many', value: 'getMany' }),
		);
		const eventField = new WdtTrigger().description.properties.find(
			(property) => property.name === 'event',
		)!;
		expect(eventField.options).toContainEqual(
			expect.objectContaining({
				name: 'Purchase Order Status Changed',
				value: 'purchaseOrderStatusChanged',
			}),
		);
	});

	it.each(RESOURCES.map((resource) => [resource.value, resource] as const))(
		'%s: named only by its record, operation and event files and one line per registry',
		(_value, resource) => {
			const parts = partsOf(resource);
			expect(parts.operationFiles.length, 'its operations are files of its folder').toBe(
				resource.operations.length,
			);
			expect(
				parts.folder.filter((path) => path.endsWith('/index.ts')),
				'no per-resource index file: registry.ts declares the resource',
			).toEqual([]);
			expect(mentioning(parts).filter((path) => !allowedFiles(parts).includes(path))).toEqual([]);
			for (const file of parts.records)
				expect(mentioning(parts), `${file.path} is named`).toContain(file.path);
			checkRegistries(parts);
		},
	);

	it('every record file and every event belongs to a resource, and each event to one only', () => {
		const parts = RESOURCES.map(partsOf);
		const claimed = new Set(parts.flatMap(({ records }) => records.map((file) => file.path)));
		expect(recordFiles.map(({ path }) => path).filter((path) => !claimed.has(path))).toEqual([]);
		for (const event of TRIGGER_EVENTS) {
			const path = `${EVENTS_DIR}/${event.option.value}.ts`;
			expect(
				parts.filter(({ eventFiles }) => eventFiles.includes(path)).map((p) => p.resource.value),
				path,
			).toHaveLength(1);
		}
	});

	it("a record's name and description are written in its record file only", () => {
		for (const file of recordFiles)
			for (const { record } of file.records) {
				const quoted = [`'${record.description}'`, `"${record.description}"`];
				const holders = [...FILES].filter(([, source]) =>
					quoted.some((literal) => source.includes(literal)),
				);
				expect(
					holders.map(([path]) => path),
					record.description,
				).toEqual([file.path]);
			}
	});

	it('an operation module is imported by registry.ts (and by operations of its own folder) only', () => {
		const strays: string[] = [];
		for (const [path, source] of FILES)
			for (const match of source.matchAll(/from '([^']+\.operation)'/g)) {
				const folder = path.slice(0, path.lastIndexOf('/'));
				const sibling = match[1].startsWith('./') && path.startsWith(`${ACTIONS_DIR}/`);
				if (path !== REGISTRY && !(sibling && folder !== ACTIONS_DIR))
					strays.push(`${path} imports ${match[1]}`);
			}
		expect(strays).toEqual([]);
	});

	it('fails on a re-introduced per-resource index file or a record named elsewhere', () => {
		const purchaseOrder = RESOURCES.find((resource) => resource.value === 'purchaseOrder')!;
		const parts = partsOf(purchaseOrder);
		FILES.set(
			`${ACTIONS_DIR}/purchaseOrder/index.ts`,
			"import * as getMany from './getMany.operation';",
		);
		FILES.set(
			`${ACTIONS_DIR}/shared.fields.ts`,
			`${text(`${ACTIONS_DIR}/shared.fields.ts`)}\n// PURCHASE_ORDER`,
		);
		try {
			const again = partsOf(purchaseOrder);
			expect(again.folder.filter((path) => path.endsWith('/index.ts'))).toHaveLength(1);
			expect(mentioning(again).filter((path) => !allowedFiles(parts).includes(path))).toEqual([
				`${ACTIONS_DIR}/shared.fields.ts`,
			]);
		} finally {
			FILES.delete(`${ACTIONS_DIR}/purchaseOrder/index.ts`);
			FILES.set(
				`${ACTIONS_DIR}/shared.fields.ts`,
				readFileSync(join(ROOT, ACTIONS_DIR, 'shared.fields.ts'), 'utf8'),
			);
		}
	});
});
