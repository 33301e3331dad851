/**
 * Pure parsing of the vendor's scraped method pages (markdown) into catalog facts. Used by
 * scripts/gen-catalog.ts and by test/unit/catalog.test.ts; reads no files itself.
 *
 * A page has numbered sections: 1 接口说明 (intro rows 1.1–1.5), 3.2 公共请求参数 (boilerplate),
 * 3.3 业务请求参数 (the positional arguments, then one sub-table per nested object), 4 响应参数
 * (status/message/data, then sub-tables), 5 请求示例 and 6 响应示例. Sub-tables are titled by
 * the field they describe (bold or plain). Navigation text around them is noise.
 */
import type { CatalogMethod, CatalogParam } from '../../nodes/shared/catalog/types';

export interface DocField {
	label: string;
	name: string;
	type: string;
	length?: number;
	required: boolean;
	description: string;
	children?: DocField[];
}

export interface DocTable {
	title?: string;
	rows: DocField[];
}

type Section =
	| 'head'
	| 'intro'
	| 'common'
	| 'business'
	| 'response'
	| 'request-example'
	| 'reply-example'
	| 'error-example'
	| 'end';

export interface ParsedPage {
	nameZh?: string;
	/** The 1.x intro rows (description, version, increments, time span, notes), cleaned. */
	intro: string[];
	business: DocTable[];
	response: DocTable[];
	/** Raw code cells of the request and normal-reply examples, cleaned of markdown. */
	requestExamples: string[];
	replyExamples: string[];
	/** The 异常响应示例 (error or partial-failure reply) code cells. */
	errorExamples: string[];
	/** The PHP example calls pageCall (the SDK's paged call). */
	usesPageCall: boolean;
	/** `3.3 请求参数：List<Map<String, Object>>`: the table lists the fields of one such argument. */
	singleArgType?: string;
}

export interface MethodIndexRow {
	method: string;
	category: string;
	nameZh: string;
}

export interface DocFixture {
	method: string;
	/** The documented reply fields beside `data` (status, message, sometimes total). */
	besideData: CatalogParam[];
	/** The documented reply field tree under `data`. */
	response: CatalogParam[];
	replyExample?: unknown;
	/** The page's 异常响应示例: error replies, or partial failures such as cancelForApi's. */
	errorReplyExamples?: unknown[];
	requestExample?: unknown;
}

export interface BuiltMethod {
	entry: CatalogMethod;
	fixture?: DocFixture;
	/** Things the generator could not decide, for its summary. */
	warnings: string[];
}

export function parseMethodIndex(tsv: string): MethodIndexRow[] {
	const [header, ...lines] = tsv.replace(/\r/g, '').trim().split('\n');
	const columns = header.split('\t');
	const at = (name: string) => columns.indexOf(name);
	return lines
		.filter((line) => line.trim())
		.map((line) => {
			const cells = line.split('\t');
			return {
				method: (cells[at('method')] ?? '').trim(),
				category: (cells[at('category')] ?? '').trim(),
				nameZh: (cells[at('name_zh')] ?? '').trim(),
			};
		});
}

/** Strips markdown emphasis, escapes, links and HTML line breaks from a table cell. */
export function cleanText(text: string): string {
	return text
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\*\*/g, '')
		.replace(/\\([_*[\]|`#<>-])/g, '$1')
		.replace(/&nbsp;/g, ' ')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{2,}/g, '\n')
		.trim();
}

function splitRow(line: string): string[] {
	const cells: string[] = [];
	let current = '';
	const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
	for (let i = 0; i < body.length; i++) {
		if (body[i] === '\\' && body[i + 1] === '|') {
			current += '|';
			i++;
		} else if (body[i] === '|') {
			cells.push(current);
			current = '';
		} else current += body[i];
	}
	cells.push(current);
	return cells.map((cell) => cell.trim());
}

/** The section a heading line starts, if it is one. */
function sectionOf(line: string): Section | undefined {
	if (line.startsWith('|')) return undefined;
	const text = cleanText(line).replace(/[\s#*]/g, '');
	if (/^3\.3(业务)?请求参数/.test(text)) return 'business';
	if (text.length > 14) return undefined;
	if (/^1\.?接口说明/.test(text)) return 'intro';
	if (/公共请求参数$/.test(text)) return 'common';
	if (/业务请求参数$/.test(text)) return 'business';
	if (/^(4\.?\d*)?(公共|业务)?响应参数$/.test(text) || /^4\.?返回值$/.test(text)) return 'response';
	if (/^5\.?请求示例$/.test(text)) return 'request-example';
	if (/^6\.?响应示例$/.test(text) || /^6\.1正常响应示例$/.test(text)) return 'reply-example';
	if (/^6\.2异常响应示例$/.test(text)) return 'error-example';
	if (/^常用工具$/.test(text)) return 'end';
	return undefined;
}

/** A line that can title a sub-table: a field name (or a `List<name>` type), possibly bold. */
function titleOf(line: string): string | undefined {
	const text = cleanText(line).replace(/[\s*#：:]/g, '');
	const match = /^(?:List<)?([A-Za-z_][A-Za-z0-9_]*)>?(?:[（(].*)?$/.exec(text);
	return match ? match[1] : undefined;
}

function parseRequired(text: string): boolean {
	return /^(y|yes|是|true|必须|必填)$/i.test(text.trim());
}

function parseFieldTable(header: string[], rows: string[][]): DocField[] {
	const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
	// A table headed 字段 | 字段 (the transfer query's details) names its fields in the second.
	const twoNameColumns = !header.includes('名称') && header.filter((h) => h === '字段').length > 1;
	const label = twoNameColumns ? header.indexOf('字段') : col('名称', '字段名称');
	const name = twoNameColumns
		? header.lastIndexOf('字段')
		: col('字段', '参数', '参数名', '字段名');
	const type = col('类型');
	const length = col('长度');
	const required = col('必须', '是否必须', '必填', '是否必填');
	const description = col('描述', '说明', '备注');
	const fields: DocField[] = [];
	for (const cells of rows) {
		const fieldName = cleanText(cells[name] ?? '').replace(/[\s`]/g, '');
		if (!fieldName || /^-+$/.test(fieldName) || fieldName === '字段') continue;
		const lengthText = cleanText(cells[length] ?? '');
		const field: DocField = {
			label: cleanText(cells[label] ?? ''),
			name: fieldName,
			type: cleanText(cells[type] ?? ''),
			required: parseRequired(cleanText(cells[required] ?? '')),
			description: cleanText(cells[description] ?? ''),
		};
		if (/^\d+$/.test(lengthText)) field.length = Number(lengthText);
		fields.push(field);
	}
	return fields;
}

/** The code cell of an example table row: the first cell after the label that holds JSON. */
function codeCell(line: string): string {
	const cells = splitRow(line).map((cell) =>
		cell
			.replace(/<br\s*\/?>/gi, '\n')
			.replace(/`/g, '')
			.replace(/\u00a0/g, ' ')
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&nbsp;/g, ' ')
			.replace(/&amp;/g, '&')
			.replace(/\\([_*[\]|#<>-])/g, '$1')
			.trim(),
	);
	return cells.slice(1).find((cell) => /^[[{]/.test(cell)) ?? '';
}

export function parsePage(markdown: string): ParsedPage {
	const lines = markdown.replace(/\r/g, '').split('\n');
	const page: ParsedPage = {
		intro: [],
		business: [],
		response: [],
		requestExamples: [],
		replyExamples: [],
		errorExamples: [],
		usesPageCall: /pageCall\s*\(/.test(markdown.replace(/`/g, '')),
	};
	const title = /\*\*([A-Za-z][\w.]+)\*\*[\s*]*（([^）]+)）/.exec(
		markdown.replace(/\*{3,}/g, '**'),
	);
	if (title) page.nameZh = title[2].trim();
	let section: Section = 'head';
	const examplesOf = (of: Section) =>
		of === 'request-example'
			? page.requestExamples
			: of === 'reply-example'
				? page.replyExamples
				: of === 'error-example'
					? page.errorExamples
					: undefined;
	let pendingTitle: string | undefined;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const next = sectionOf(line);
		if (next) {
			section = next;
			const typed = /请求参数\s*[：:]\s*(\S.*)$/.exec(cleanText(line));
			if (next === 'business' && typed) page.singleArgType = typed[1].trim();
			pendingTitle = undefined;
			continue;
		}
		if (line.trim().startsWith('```')) {
			const fenced: string[] = [];
			while (++i < lines.length && !lines[i].trim().startsWith('```')) fenced.push(lines[i]);
			const code = fenced
				.map((text) => text.replace(/\\$/, ''))
				.join('\n')
				.replace(/\u00a0/g, ' ')
				.trim();
			if (/^[[{]/.test(code)) {
				examplesOf(section)?.push(code);
			}
			continue;
		}
		if (!line.trim().startsWith('|')) {
			if (line.trim()) pendingTitle = titleOf(line) ?? pendingTitle;
			continue;
		}
		const block: string[] = [];
		while (i < lines.length && lines[i].trim().startsWith('|')) block.push(lines[i++]);
		i--;
		if (section === 'intro') {
			for (const row of block) {
				const text = cleanText(splitRow(row).join(' '));
				if (/^1\.\d/.test(text)) page.intro.push(text);
			}
		} else if (section === 'business' || section === 'response') {
			const [headerLine, ...rest] = block;
			const header = splitRow(headerLine).map((h) => cleanText(h).replace(/\s/g, ''));
			if (!header.includes('字段')) continue;
			const rows = rest.map(splitRow).filter((cells) => !cells.every((c) => /^:?-*:?$/.test(c)));
			const tables = section === 'business' ? page.business : page.response;
			// A row holding only a bold field name starts a sub-table inside the same markdown table.
			let groupTitle = tables.length > 0 ? pendingTitle : undefined;
			let group: string[][] = [];
			const flush = () => {
				if (group.length) tables.push({ title: groupTitle, rows: parseFieldTable(header, group) });
				group = [];
			};
			for (const cells of rows) {
				const inlineTitle = cells.slice(1).every((c) => !c) ? titleOf(cells[0]) : undefined;
				if (inlineTitle) {
					flush();
					groupTitle = inlineTitle;
				} else group.push(cells);
			}
			flush();
			pendingTitle = undefined;
		} else if (examplesOf(section)) {
			const target = examplesOf(section) as string[];
			for (const row of block) {
				const code = codeCell(row);
				if (/^[[{]/.test(code)) target.push(code);
			}
		}
	}
	return page;
}

const isList = (field: DocField) => /^(List|Array)\b|\[\]$|^list$/i.test(field.type.trim());

/**
 * Nests sub-tables under the field they describe: the first table is the top level, each further
 * table attaches to the first field (breadth first) named by its title, or typed `List<title>`,
 * that has no children yet.
 */
export function buildFieldTree(tables: DocTable[]): { fields: DocField[]; orphans: string[] } {
	const [top, ...subTables] = tables;
	const fields = top ? top.rows.map((row) => ({ ...row })) : [];
	const orphans: string[] = [];
	const breadthFirst = () => {
		const all: DocField[] = [];
		const queue = [...fields];
		while (queue.length) {
			const field = queue.shift() as DocField;
			all.push(field);
			queue.push(...(field.children ?? []));
		}
		return all;
	};
	for (const table of subTables) {
		const title = table.title;
		const all = breadthFirst();
		const open = all.filter((f) => !f.children);
		const loose = (text: string) => text.replace(/_/g, '').toLowerCase();
		const soleList = open.filter(isList);
		const target =
			title === undefined
				? undefined
				: (open.find((f) => f.name === title) ??
					open.find((f) => loose(f.name) === loose(title)) ??
					open.find((f) => loose(f.label) === loose(title)) ??
					open.find((f) => new RegExp(`<${title}>`, 'i').test(f.type)) ??
					(soleList.length === 1 ? soleList[0] : undefined));
		if (!target) {
			orphans.push(title ?? '(untitled table)');
			continue;
		}
		target.children = table.rows.map((row) => ({ ...row }));
	}
	return { fields, orphans };
}

export function toCatalogParams(fields: DocField[]): CatalogParam[] {
	return fields.map((field) => {
		const param: CatalogParam = {
			name: field.name,
			type: field.type,
			...(field.length !== undefined ? { length: field.length } : {}),
			required: field.required,
		};
		if (field.children) param.children = toCatalogParams(field.children);
		return param;
	});
}

/** Parses an example code cell as JSON, tolerating trailing commas and line comments. */
export function parseExample(code: string): unknown {
	const attempts = [
		code,
		code.replace(/,\s*([}\]])/g, '$1'),
		code.replace(/^\s*\/\/.*$/gm, '').replace(/,\s*([}\]])/g, '$1'),
	];
	for (const text of attempts) {
		try {
			return JSON.parse(text);
		} catch {
			// try the next repair
		}
	}
	return code;
}

const UNIT_MS: Record<string, number> = {
	小时: 3_600_000,
	h: 3_600_000,
	分钟: 60_000,
	min: 60_000,
	天: 86_400_000,
	日: 86_400_000,
};

/**
 * The tightest time span a page states for one call, in ms: a span (跨度, 间隔, …) or the refusal
 * WDT sends for a wider one (`您的查询时间过宽,查询时间不能大于30天`).
 */
export function parseWindowMs(text: string): number | undefined {
	const spans: number[] = [];
	const pattern =
		/(跨度|间隔|区间|时间差|相差|查询时间不能大于)[^。；;\n]*?(\d+)\s*(小时|分钟|min|天|日|h)/gi;
	for (const match of text.matchAll(pattern))
		spans.push(Number(match[2]) * UNIT_MS[match[3].toLowerCase()]);
	return spans.length ? Math.min(...spans) : undefined;
}

/**
 * Where one entry of a status table ends and the next begins: a line break or semicolon; a comma,
 * or spaces, before a code; and, for the vendor's typos, a code with its colon right after a name,
 * with or without a stray `.` or `:` between (`京东沧海.6:抖音云仓`, `已推送:80:已结算`,
 * `已完成80:待推送`, `唯品JIT电子面单 16:ASCP电子面单`).
 */
const STATUS_ENTRY_BREAK =
	/[\n；;]+|[，,](?=\s*-?\d+\s*[：:=]?\s*[\u4e00-\u9fa5])|[，,](?=\s*-?\d+\s*[：:=])|\s+(?=-?\d+\s*[：:=]?\s*[\u4e00-\u9fa5])|(?<=[^\d\s.:：=~～-])[\s.:：]*(?=\d+\s*[：:=]\s*[^\d\s])/;

/** A label before the first code on the same line: `采购单状态：10 已取消,20 编辑中`. */
const LEADING_STATUS_LABEL = /^[^\d\n：:]{0,20}?(?:状态|类型|方式)\s*[：:]\s*(?=-?\d)/;

/**
 * `5：已取消\n10：待放回`, `10=已取消；20=编辑中`, `5已取消\n53 WMS已接单` or `0删除 1在架 2下架`
 * → code -> name (at least two codes).
 */
export function parseStatusTable(description: string): Record<string, string> | undefined {
	const table: Record<string, string> = {};
	const parts = description.replace(LEADING_STATUS_LABEL, '').split(STATUS_ENTRY_BREAK);
	for (const part of parts) {
		const match = /^\s*(-?\d+)\s*(?:[：:=]\s*(\S.*?)|([^\d\s.、：:=~-].*?))\s*$/.exec(part);
		if (!match) continue;
		const name = match[2] ?? match[3].split(/, /)[0];
		table[match[1]] = name.replace(/[，,。;；]+$/, '');
	}
	return Object.keys(table).length >= 2 ? table : undefined;
}

/**
 * Status tables that a page lists in part while another page lists the same codes in full: the
 * codes the fuller table has and this one lacks are added, this page's own names kept. Method ->
 * reply field -> [method, field] of the fuller table. searchCancel returns sales stockouts in
 * their current state, one of the stockout statuses wms.stockout.Sales.queryWithDetail lists
 * (its table has 50 待审核, 52 缺货待入库, 58 档口锁定, 74 预打包, which searchCancel's lacks).
 * Negative codes are left out: `-1 未发货` groups states, it is no state of its own.
 */
export const COMPLETED_STATUS_TABLES: Readonly<
	Record<string, Readonly<Record<string, readonly [string, string]>>>
> = {
	'wms.stockout.Sales.searchCancel': { status: ['wms.stockout.Sales.queryWithDetail', 'status'] },
};

/** Adds the codes COMPLETED_STATUS_TABLES names to the entries' status tables, in code order. */
export function completeStatusTables(entries: CatalogMethod[]): void {
	const byMethod = new Map(entries.map((entry) => [entry.method, entry]));
	for (const [method, fields] of Object.entries(COMPLETED_STATUS_TABLES)) {
		const entry = byMethod.get(method);
		for (const [field, [fullerMethod, fullerField]] of Object.entries(fields)) {
			const own = entry?.statusTables?.[field];
			const fuller = byMethod.get(fullerMethod)?.statusTables?.[fullerField];
			if (!entry?.statusTables || !own || !fuller)
				throw new Error(`No status table ${method} ${field} or ${fullerMethod} ${fullerField}`);
			const merged: Record<string, string> = { ...own };
			for (const [code, name] of Object.entries(fuller))
				if (!(code in merged) && Number(code) >= 0) merged[code] = name;
			entry.statusTables[field] = Object.fromEntries(
				Object.entries(merged).sort(([a], [b]) => Number(a) - Number(b)),
			);
		}
	}
}

const NOTE_PATTERN = /淘系|拼多多|系统供销|隐私|自有平台|翻页|漏|重复/;

export function parseNotes(intro: string[]): string[] {
	const notes: string[] = [];
	for (const row of intro) {
		const body = row.replace(/^1\.\d\s*[^：:]*[：:]/, '');
		for (const sentence of body.split(/\n|。/)) {
			const text = sentence.replace(/^[-\s【】]+/, '').trim();
			if (text && NOTE_PATTERN.test(text) && !notes.includes(text)) notes.push(text);
		}
	}
	return notes;
}

function getAt(value: unknown, path: string[]): unknown {
	let current = value;
	for (const key of path) {
		if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** Breadth-first path to the first array under `key` inside an example value. */
function findArrayPath(value: unknown, key: string): string[] | undefined {
	const queue: Array<{ node: unknown; path: string[] }> = [{ node: value, path: [] }];
	while (queue.length) {
		const { node, path } = queue.shift() as { node: unknown; path: string[] };
		if (!node || typeof node !== 'object' || Array.isArray(node) || path.length > 3) continue;
		for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
			if (k === key && Array.isArray(v)) return [...path, k];
			queue.push({ node: v, path: [...path, k] });
		}
	}
	return undefined;
}

const SIDE_LIST = /summary|error|fail|err_/i;
const TOTAL_NAMES = ['total_count', 'total', 'total_num'];

interface ListShape {
	listPath?: string[];
	totalPath?: string[];
	otherLists?: string[][];
}

/**
 * Where the records of a reply are, from the documented tree of `data`. A field counts as a list
 * when the table types it as one or the page's own reply example (its `data`) holds an array there:
 * some tables type `data` as a List although it is an object holding the list and the total.
 */
export function findListShape(data: DocField | undefined, exampleData?: unknown): ListShape {
	if (!data) return {};
	const children = data.children ?? [];
	const listHere = (field: DocField, example: unknown) =>
		isList(field) || Array.isArray(getAt(example, [field.name]));
	if (
		Array.isArray(exampleData) ||
		(isList(data) && !children.some((f) => listHere(f, exampleData)))
	)
		return { listPath: [] };
	const walk = (fields: DocField[], prefix: string[]): ListShape => {
		const example = prefix.length ? getAt(exampleData, prefix) : exampleData;
		const lists = fields.filter((f) => listHere(f, example));
		const total = fields.find((f) => TOTAL_NAMES.includes(f.name) && !lists.includes(f));
		if (lists.length === 0) {
			const objects = fields.filter((f) => f.children?.length);
			if (objects.length === 1)
				return walk(objects[0].children ?? [], [...prefix, objects[0].name]);
			return {};
		}
		const main = lists.find((f) => !SIDE_LIST.test(f.name)) ?? lists[0];
		const shape: ListShape = { listPath: [...prefix, main.name] };
		if (total) shape.totalPath = [...prefix, total.name];
		const others = lists.filter((f) => f !== main).map((f) => [...prefix, f.name]);
		if (others.length) shape.otherLists = others;
		return shape;
	};
	return walk(children, []);
}

/** The reply example's `data`, when the example is a parsed reply with one. */
function exampleData(replyExample: unknown): unknown {
	return replyExample && typeof replyExample === 'object' && !Array.isArray(replyExample)
		? (replyExample as Record<string, unknown>).data
		: undefined;
}

/** Moves the documented list shape to where the page's own reply example puts it, if elsewhere. */
function alignWithExample(shape: ListShape, replyExample: unknown, warnings: string[]): ListShape {
	const data = exampleData(replyExample);
	if (!shape.listPath?.length || data === undefined || Array.isArray(getAt(data, shape.listPath)))
		return shape;
	const found = findArrayPath(data, shape.listPath[shape.listPath.length - 1]);
	if (!found) return shape;
	const prefix = found.slice(0, found.length - shape.listPath.length);
	warnings.push(
		`list path ${shape.listPath.join('.')} taken from the reply example as ${found.join('.')}`,
	);
	const moved: ListShape = { listPath: found };
	if (shape.totalPath)
		moved.totalPath =
			getAt(data, shape.totalPath) !== undefined
				? shape.totalPath
				: [...prefix, ...shape.totalPath];
	if (shape.otherLists) moved.otherLists = shape.otherLists.map((path) => [...prefix, ...path]);
	return moved;
}

/** Pairs like start_time/end_time among the first object argument's fields. */
function findWindowFields(args: DocField[], windowText: string): [string, string] | undefined {
	const holder = args.find((a) => a.children?.length) ?? { children: args };
	const names = (holder.children ?? []).map((f) => f.name);
	const pairs: Array<[string, string]> = [];
	const ends: Array<[RegExp, string]> = [
		[/^start/, 'end'],
		[/_start$/, '_end'],
		[/_from$/, '_to'],
		[/^begin/, 'end'],
	];
	for (const name of names) {
		for (const [start, end] of ends) {
			const other = name.replace(start, end);
			if (other !== name && names.includes(other)) pairs.push([name, other]);
		}
	}
	return pairs.find(([start]) => windowText.includes(start)) ?? pairs[0];
}

const READ_VERBS = /search|query|Query|Search|^get|calc|Calc|pickListOverview|^now$/;

function walkStatus(
	fields: DocField[],
	path: string[],
	listPath: string[] | undefined,
	out: Record<string, Record<string, string>>,
) {
	for (const field of fields) {
		const here = [...path, field.name];
		const table = parseStatusTable(field.description);
		if (table && !field.children) {
			const inList =
				listPath &&
				listPath.length &&
				here.length > listPath.length &&
				listPath.every((key, i) => here[i] === key);
			const key = (inList ? here.slice(listPath.length) : here).join('.');
			if (!out[key]) out[key] = table;
		}
		if (field.children) walkStatus(field.children, here, listPath, out);
	}
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
	return Object.fromEntries(
		Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
	);
}

export function buildMethod(
	row: MethodIndexRow,
	nameEn: string,
	markdown: string | undefined,
): BuiltMethod {
	const warnings: string[] = [];
	const lastSegment = row.method.split('.').pop() ?? '';
	const base = {
		method: row.method,
		category: row.category,
		nameZh: row.nameZh,
		nameEn,
	};
	const write = !READ_VERBS.test(lastSegment);
	if (markdown === undefined) {
		return {
			entry: { ...base, documented: false, write, paged: false, args: [] },
			warnings,
		};
	}
	const page = parsePage(markdown);
	const business = buildFieldTree(page.business);
	const response = buildFieldTree(page.response);
	for (const orphan of business.orphans)
		warnings.push(`request sub-table "${orphan}" has no parent field`);
	for (const orphan of response.orphans)
		warnings.push(`reply sub-table "${orphan}" has no parent field`);

	const pager = business.fields.find((f) => f.name === 'pager' || /^pager$/i.test(f.type));
	const listed = business.fields.filter((f) => f !== pager);
	const args: DocField[] = page.singleArgType
		? [
				{
					label: '',
					name: 'params',
					type: page.singleArgType,
					required: true,
					description: '',
					children: listed,
				},
			]
		: listed;
	const flatArgs = (fields: DocField[]): DocField[] =>
		fields.flatMap((f) => [f, ...flatArgs(f.children ?? [])]);
	const pageNoArg = flatArgs(args).find((f) => f.name === 'page_no');
	const paged = Boolean(pager || pageNoArg || page.usesPageCall);

	const entry: CatalogMethod = { ...base, documented: true, write, paged, args: [] };
	if (paged) {
		const pageNo = pager?.children?.find((f) => f.name === 'page_no') ?? pageNoArg;
		const startText = pageNo?.description ?? '';
		entry.pageNoStart = /从\s*1\s*开始/.test(startText) ? 1 : 0;
		const pageSize =
			pager?.children?.find((f) => f.name === 'page_size') ??
			flatArgs(args).find((f) => f.name === 'page_size');
		const sizeText = [pageSize?.description ?? '', ...page.intro].join('\n');
		const max =
			/(?:page_size|分页大小|每页)[^。；\n]{0,16}?(?:最大|最多|不超过|不能超过|上限)[^\d\n]{0,6}(\d+)/.exec(
				sizeText,
			);
		if (max) entry.maxPageSize = Number(max[1]);
	}

	const replyExamples = page.replyExamples.map(parseExample);
	const replyExample = replyExamples.find((e) => typeof e === 'object') ?? replyExamples[0];
	const requestExamples = page.requestExamples.map(parseExample);
	const requestExample = requestExamples.find((e) => typeof e === 'object') ?? requestExamples[0];

	const data = response.fields.find((f) => f.name === 'data');
	const documentedShape = findListShape(data, exampleData(replyExample));
	if (!write || paged) {
		const shape = alignWithExample(documentedShape, replyExample, warnings);
		if (shape.listPath) entry.listPath = shape.listPath;
		if (shape.totalPath) entry.totalPath = shape.totalPath;
		if (shape.otherLists) entry.otherLists = shape.otherLists;
		const besideData = response.fields.find((f) => TOTAL_NAMES.includes(f.name));
		if (shape.listPath && !shape.totalPath && besideData) entry.totalBesideData = besideData.name;
	}

	const errorExamples = page.errorExamples.map(parseExample);
	const windowText = [
		// The time-span row, whatever its number (1.3 on some pages), and the notes after it.
		...page.intro.filter((text) => /^1\.[45]/.test(text) || /^1\.\d\s*时间跨度/.test(text)),
		...flatArgs(args)
			.filter((f) => /time|date|modified/.test(f.name))
			.map((f) => f.description),
		// Some pages state the limit only in the refusal their error example shows.
		...errorExamples.map((example) =>
			typeof example === 'string' ? example : JSON.stringify(example ?? ''),
		),
	].join('\n');
	const windowMs = parseWindowMs(windowText);
	// Some write pages keep a query page's time-span line; it bounds nothing there.
	if (windowMs !== undefined && !write) entry.maxWindowMs = windowMs;
	const windowFields = findWindowFields(args, windowText);
	if (windowFields) entry.windowFields = windowFields;

	entry.args = toCatalogParams(args);

	const statusTables: Record<string, Record<string, string>> = {};
	walkStatus(data?.children ?? [], [], documentedShape.listPath, statusTables);
	if (Object.keys(statusTables).length) entry.statusTables = sortedRecord(statusTables);

	const notes = parseNotes(page.intro);
	// A page-size advice such as "单量较大的卖家，page_size建议200以下" is a paging note, not a limit.
	const pagerSize = pager?.children?.find((f) => f.name === 'page_size');
	if (paged && pagerSize && /建议/.test(pagerSize.description)) notes.push(pagerSize.description);
	if (notes.length) entry.notes = notes;

	const fixture: DocFixture = {
		method: row.method,
		besideData: toCatalogParams(response.fields.filter((f) => f !== data)),
		response: toCatalogParams(data?.children ?? []),
	};
	if (replyExample !== undefined) fixture.replyExample = replyExample;
	if (errorExamples.length) fixture.errorReplyExamples = errorExamples;
	if (requestExample !== undefined) fixture.requestExample = requestExample;
	return { entry: inContractOrder(entry), fixture, warnings };
}

const ENTRY_KEYS: Array<keyof CatalogMethod> = [
	'method',
	'category',
	'nameZh',
	'nameEn',
	'documented',
	'write',
	'paged',
	'pageNoStart',
	'maxPageSize',
	'listPath',
	'totalPath',
	'totalBesideData',
	'otherLists',
	'maxWindowMs',
	'windowFields',
	'args',
	'statusTables',
	'notes',
];

/** The entry's keys in the order of the CatalogMethod interface, so the output is stable. */
function inContractOrder(entry: CatalogMethod): CatalogMethod {
	const ordered: Record<string, unknown> = {};
	for (const key of ENTRY_KEYS) if (entry[key] !== undefined) ordered[key] = entry[key];
	return ordered as unknown as CatalogMethod;
}

/** Renders the shipped catalog module (facts only, stable order). Format with prettier afterwards. */
export function renderCatalogModule(entries: CatalogMethod[]): string {
	const catalog = Object.fromEntries(entries.map((entry) => [entry.method, entry]));
	return [
		'// Generated by scripts/gen-catalog.ts from the vendor docs (npm run gen:catalog). Do not edit.',
		"import type { CatalogMethod } from './types';",
		'',
		`export const WDT_CATALOG: Readonly<Record<string, CatalogMethod>> = ${JSON.stringify(catalog)};`,
		'',
	].join('\n');
}

export function renderFixture(fixture: DocFixture): string {
	return `${JSON.stringify(fixture, null, '\t')}\n`;
}
