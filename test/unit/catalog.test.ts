/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
	getCatalogMethod,
	listCatalogMethods,
	type CatalogMethod,
	type CatalogParam,
} from '../../nodes/shared/catalog';
import { searchMethods } from '../../nodes/Wdt/methods/listSearch';
import {
	FIXTURE_DIR,
	REPO_ROOT,
	generateCatalog,
	vendorDocsDir,
} from '../../scripts/catalog/generate';
import {
	buildFieldTree,
	buildMethod,
	findListShape,
	parseExample,
	parseMethodIndex,
	parseNotes,
	parsePage,
	parseStatusTable,
	parseWindowMs,
	type DocFixture,
} from '../../scripts/catalog/parse';

const fixturePath = (name: string) => join(REPO_ROOT, FIXTURE_DIR, name);
const fixture = (method: string) =>
	JSON.parse(readFileSync(fixturePath(`${method}.json`), 'utf8')) as DocFixture;
const method = (name: string) => getCatalogMethod(name) as CatalogMethod;
const names = (params: CatalogParam[]) => params.map((p) => p.name);
const at = (value: unknown, path: string[]) =>
	path.reduce<unknown>(
		(node, key) =>
			node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
		value,
	);
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

// Only when WDT_API_DOCS names the vendor docs: the suite reads nothing outside the repository.
const docsDir = vendorDocsDir() ?? '';
const haveDocs = docsDir !== '' && existsSync(join(docsDir, 'methods.tsv'));

describe.skipIf(!haveDocs)(
	'the committed catalog agrees with the vendor docs ($WDT_API_DOCS)',
	() => {
		it('every generated file equals a fresh generation from the docs', async () => {
			const { files } = await generateCatalog(docsDir);
			const differing: string[] = [];
			for (const [path, content] of files) {
				const full = join(REPO_ROOT, path);
				if (!existsSync(full) || readFileSync(full, 'utf8') !== content) differing.push(path);
			}
			for (const name of readdirSync(join(REPO_ROOT, FIXTURE_DIR))) {
				if (!files.has(`${FIXTURE_DIR}/${name}`)) differing.push(`${FIXTURE_DIR}/${name} (stale)`);
			}
			expect(
				differing,
				`The generated catalog files differ from ${docsDir}: run npm run gen:catalog and commit the result`,
			).toEqual([]);
		}, 120_000);
	},
);

describe('the catalog', () => {
	const tsv = parseMethodIndex(readFileSync(fixturePath('methods.tsv'), 'utf8'));

	it('lists every method of the vendor index, in its order, each with an English name', () => {
		expect(tsv).toHaveLength(188);
		expect(listCatalogMethods().map((m) => m.method)).toEqual(tsv.map((row) => row.method));
		for (const entry of listCatalogMethods()) {
			expect(entry.nameEn, entry.method).toMatch(/^[A-Z][A-Za-z0-9 ()/,-]+$/);
			expect(CJK.test(entry.nameEn), entry.method).toBe(false);
		}
		expect(new Set(listCatalogMethods().map((m) => m.nameEn)).size).toBe(188);
	});

	it('marks the methods without a page as undocumented and still lists them', () => {
		const undocumented = listCatalogMethods().filter((m) => !m.documented);
		expect(undocumented.map((m) => m.method)).toEqual(
			expect.arrayContaining(['sales.TradeQuery.getLog2', 'system.Core.now']),
		);
		expect(undocumented).toHaveLength(9);
		for (const entry of undocumented) {
			expect(entry.args).toEqual([]);
			expect(existsSync(fixturePath(`${entry.method}.json`))).toBe(false);
		}
		for (const entry of listCatalogMethods().filter((m) => m.documented))
			expect(existsSync(fixturePath(`${entry.method}.json`)), entry.method).toBe(true);
	});

	it('wms.stockout.Sales.searchCancel: 1-hour window, order_list + total_count, all statuses', () => {
		const entry = method('wms.stockout.Sales.searchCancel');
		expect(entry).toMatchObject({
			nameEn: 'Query Cancelled Sales Stockouts',
			write: false,
			paged: true,
			pageNoStart: 0,
			listPath: ['order_list'],
			totalPath: ['total_count'],
			maxWindowMs: 3_600_000,
			windowFields: ['start_time', 'end_time'],
		});
		expect(names(entry.args)).toEqual(['params']);
		expect(names(entry.args[0].children ?? [])).toEqual(['start_time', 'end_time']);
		expect(entry.statusTables?.status).toMatchObject({
			'5': '已取消',
			'10': '待放回',
			'110': '已完成',
		});
		const doc = fixture('wms.stockout.Sales.searchCancel');
		const orderList = doc.response.find((f) => f.name === 'order_list');
		expect(names(orderList?.children ?? [])).toEqual([
			'stockout_id',
			'stockout_no',
			'status',
			'modified',
		]);
		const rows = at(doc.replyExample, ['data', 'order_list']) as Array<{ status: number }>;
		expect(rows.map((r) => r.status)).toEqual([110, 110]);
		expect(doc.requestExample).toEqual([
			{ start_time: '2022-07-19 10:42:56', end_time: '2022-07-19 11:42:56' },
		]);
	});

	it('wms.stockout.Sales.queryWithDetail: 60 minutes, list `order`, privacy and paging notes', () => {
		const entry = method('wms.stockout.Sales.queryWithDetail');
		expect(entry).toMatchObject({
			paged: true,
			listPath: ['order'],
			totalPath: ['total_count'],
			maxWindowMs: 60 * 60_000,
			windowFields: ['start_time', 'end_time'],
		});
		expect(names(entry.args[0].children ?? [])).toEqual(
			expect.arrayContaining(['start_time', 'end_time', 'status_type', 'status', 'stockout_no']),
		);
		expect(entry.statusTables?.status).toMatchObject({ '5': '已取消', '110': '已完成' });
		expect(entry.notes?.join('\n')).toMatch(/不返回淘系、拼多多及系统供销/);
		expect(entry.notes?.join('\n')).toMatch(/从后往前翻页/);
		expect(entry.notes).toContain('分页大小（单量较大的卖家，page_size建议200以下）');
		expect(entry.maxPageSize).toBeUndefined();
	});

	it('wms.stockin.Refund.queryWithDetail: list `order` beside summary_data', () => {
		const entry = method('wms.stockin.Refund.queryWithDetail');
		expect(entry).toMatchObject({
			paged: true,
			listPath: ['order'],
			totalPath: ['total_count'],
			otherLists: [['summary_data']],
			maxWindowMs: 30 * 86_400_000,
		});
		const example = fixture('wms.stockin.Refund.queryWithDetail').replyExample;
		expect(Array.isArray(at(example, ['data', 'order']))).toBe(true);
		expect(Array.isArray(at(example, ['data', 'summary_data']))).toBe(true);
	});

	it('wms.stockout.SalesPick.pickListOverviewForApi: the list sits in data.data, as its example shows', () => {
		const entry = method('wms.stockout.SalesPick.pickListOverviewForApi');
		expect(entry.paged).toBe(false);
		expect(entry.listPath).toEqual(['data', 'pick_goods_data_list']);
		const example = fixture('wms.stockout.SalesPick.pickListOverviewForApi').replyExample;
		expect(Array.isArray(at(example, ['data', ...(entry.listPath ?? [])]))).toBe(true);
	});

	it('sales.StockSync.batchCalcStock: two lists', () => {
		const entry = method('sales.StockSync.batchCalcStock');
		expect(entry.listPath).toEqual(['success_date']);
		expect(entry.otherLists).toEqual([['error_date']]);
		expect(entry.args[0].type).toMatch(/^List/);
	});

	it('purchase.PurchaseApply.upload: data.status says whether data.message is the number or the error', () => {
		const entry = method('purchase.PurchaseApply.upload');
		expect(entry).toMatchObject({ write: true, paged: false });
		expect(entry.listPath).toBeUndefined();
		const doc = fixture('purchase.PurchaseApply.upload');
		expect(names(doc.response)).toEqual(['status', 'message']);
		expect(doc.replyExample).toEqual({
			status: 0,
			data: { message: 'POA2208260005', status: 0 },
		});
		expect(names(entry.args[0].children ?? [])).toEqual(
			expect.arrayContaining(['warehouse_no', 'detail_list']),
		);
	});

	it.each(['purchase.PurchaseApply.cancelForApi', 'purchase.PurchaseApply.stopForApi'])(
		'%s: data lists only the failures, total counts them',
		(name) => {
			const entry = method(name);
			expect(entry).toMatchObject({ write: true, paged: false });
			expect(names(entry.args)).toEqual(['applyList']);
			const doc = fixture(name);
			expect(names(doc.besideData)).toEqual(['status', 'total']);
			expect(names(doc.response)).toEqual(['order_no', 'error', 'error_code']);
			expect(doc.replyExample).toEqual({ status: 0, data: [] });
			expect(doc.requestExample).toEqual([['POA2309130001', 'POA2309040001']]);
		},
	);

	it('purchase.PurchaseApply.cancelForApi: its partial-failure example carries order_id and error_code', () => {
		const [partial] = fixture('purchase.PurchaseApply.cancelForApi').errorReplyExamples ?? [];
		expect(partial).toMatchObject({
			status: 0,
			total: 2,
			data: [
				{ order_id: 764, order_no: 'POA2309040001', error_code: 0 },
				{ order_id: 767, order_no: 'POA2309130001', error_code: 0 },
			],
		});
	});

	it('every documented paged method has a list path, and the page example agrees where it has one', () => {
		// Examples that cannot confirm the list path, and why.
		const examplesThatCannotConfirm: Record<string, string> = {
			'wms.stockout.Sales.queryHistoryWithDetail': 'its normal-reply example is an error reply',
			'finance.invoice.InvoiceOrder.search': 'the page has no normal-reply example',
			'statistic.StockoutCollect.queryCostWithDetail': 'the page has no normal-reply example',
			'wms.StockSpec.queryAvailableStock': 'its example is not valid JSON',
			'purchase.PurchaseApply.search': 'its example shows data without the status/data envelope',
			'wms.stockout.OtherQuery.queryWithDetail':
				'its example shows data without the status/data envelope',
		};
		const paged = listCatalogMethods().filter((m) => m.documented && m.paged);
		expect(paged.length).toBeGreaterThan(90);
		const unconfirmed: string[] = [];
		for (const entry of paged) {
			expect(entry.listPath, entry.method).toBeDefined();
			expect(entry.pageNoStart, entry.method).toBe(0);
			const example = fixture(entry.method).replyExample;
			if (!Array.isArray(at(example, ['data', ...(entry.listPath ?? [])])))
				unconfirmed.push(entry.method);
		}
		expect(unconfirmed.sort()).toEqual(Object.keys(examplesThatCannotConfirm).sort());
	});

	it('every list path names a documented list (or an array in the example) and every total a field', () => {
		for (const entry of listCatalogMethods().filter((m) => m.listPath?.length)) {
			const doc = fixture(entry.method);
			const example = at(doc.replyExample, ['data']);
			const documented = (entry.listPath ?? []).reduce<CatalogParam | undefined>(
				(node, key, i) =>
					(i === 0 ? doc.response : (node?.children ?? [])).find((f) => f.name === key),
				undefined,
			);
			const inExample = Array.isArray(at(example, entry.listPath ?? []));
			expect(Boolean(documented) || inExample, entry.method).toBe(true);
		}
		// A few replies carry their total beside data: {status, total, data: [...]}.
		expect(
			listCatalogMethods()
				.filter((m) => m.totalBesideData)
				.map((m) => m.method),
		).toEqual([
			'sales.LogisticsSync.getSyncListExt',
			'wms.StockSpec.search',
			'wms.StockPd.queryStockPdDetail',
		]);
	});

	it('marks data-changing methods as writes and queries as reads', () => {
		const writes = listCatalogMethods()
			.filter((m) => m.write)
			.map((m) => m.method);
		expect(writes).toEqual(
			expect.arrayContaining([
				'purchase.PurchaseApply.upload',
				'purchase.PurchaseApply.cancelForApi',
				'wms.stockother.Out.cancelOrder',
				'sales.RawTrade.pushSelf2',
				'sales.TradeEdit.modifyRemark',
			]),
		);
		for (const read of [
			'wms.stockout.Sales.searchCancel',
			'sales.TradeQuery.queryWithDetail',
			'goods.Goods.queryWithSpec',
			'system.Core.now',
		])
			expect(method(read).write, read).toBe(false);
	});

	it('carries the window limits the pages state', () => {
		expect(method('sales.TradeQuery.queryWithDetail').maxWindowMs).toBe(3_600_000);
		expect(method('goods.Goods.queryWithSpec').maxWindowMs).toBe(30 * 86_400_000);
		expect(method('aftersales.refund.Refund.search').maxWindowMs).toBe(30 * 86_400_000);
		expect(method('purchase.PurchaseApply.search').maxWindowMs).toBe(30 * 86_400_000);
		// 30 days with a spec number, 60 minutes without: the catalog keeps the tighter bound.
		expect(method('wms.StockSpec.queryChangeHistory')).toMatchObject({
			maxWindowMs: 3_600_000,
			windowFields: ['start_date', 'end_date'],
		});
		expect(method('setting.Shop.queryShop').maxWindowMs).toBeUndefined();
		expect(method('aftersales.refund.Refund.search').windowFields).toEqual([
			'modified_from',
			'modified_to',
		]);
		// A write page that repeats a query page's time-span line gets no window.
		expect(method('wms.stockin.Transfer.cancelOrder').maxWindowMs).toBeUndefined();
	});

	it('status tables: searchCancel has every sales stockout status; the purchase order table has 10', () => {
		const searchCancel = method('wms.stockout.Sales.searchCancel').statusTables!.status;
		const detail = method('wms.stockout.Sales.queryWithDetail').statusTables!.status;
		expect(searchCancel).toMatchObject({
			'50': '待审核',
			'52': '缺货待入库',
			'58': '档口锁定',
			'74': '预打包',
		});
		// Every stockout state of queryWithDetail's table; the page's own names kept (10 待放回).
		expect(Object.keys(searchCancel).sort()).toEqual(
			Object.keys(detail)
				.filter((code) => Number(code) >= 0)
				.sort(),
		);
		expect(searchCancel['10']).toBe('待放回');
		expect(method('purchase.PurchaseOrder.queryWithDetail').statusTables!.status).toMatchObject({
			'10': '已取消',
			'20': '编辑中',
			'90': '已完成',
		});
	});

	it('finds a window limit in a time-span row numbered 1.3, and one stated only in an error example', () => {
		// "1.3 时间跨度： start_time和end_time最大跨度为30天"
		expect(method('wms.stockout.PurchaseReturn.queryWithDetail').maxWindowMs).toBe(30 * 86_400_000);
		// Empty 1.4 rows; the 异常响应示例: "您的查询时间过宽,查询时间不能大于30天".
		expect(method('finance.AlipayAccountCheck.search').maxWindowMs).toBe(30 * 86_400_000);
		expect(method('wms.stockout.Pack.search').maxWindowMs).toBe(30 * 86_400_000);
		// "查询时间间隔不可以超过七天" and the example's "查询时间不能大于7天".
		expect(method('sales.TradeQuery.getTradeMergedLog').maxWindowMs).toBe(7 * 86_400_000);
		for (const name of ['finance.AlipayAccountCheck.search', 'wms.stockout.Pack.search'])
			expect(JSON.stringify(fixture(name).errorReplyExamples), name).toContain(
				'查询时间不能大于30天',
			);
	});

	it('reads a 3.3 heading that types the single argument (`请求参数：List<…>`)', () => {
		const [arg, ...rest] = method('finance.invoice.InvoiceOrder.updateInvoice').args;
		expect(rest).toEqual([]);
		expect(arg.type).toBe('List<Map<String, Object>>');
		expect(names(arg.children ?? [])).toEqual(
			expect.arrayContaining(['invoice_order_no', 'invoice_no']),
		);
		expect(fixture('finance.invoice.InvoiceOrder.updateInvoice').requestExample).toEqual([
			[{ invoice_order_no: 'FP201902130005', invoice_no: 'pf0x00011111111' }],
		]);
	});
});

describe('the method picker', () => {
	const search = async (filter?: string) => (await searchMethods.call({} as never, filter)).results;

	it('shows English names with the WDT method name, no Chinese', async () => {
		const all = await search();
		expect(all).toHaveLength(188);
		expect(all.find((r) => r.value === 'wms.stockout.Sales.searchCancel')?.name).toBe(
			'Query Cancelled Sales Stockouts — wms.stockout.Sales.searchCancel',
		);
		for (const result of all) expect(CJK.test(result.name), result.name).toBe(false);
	});

	it('matches English names, method names, Chinese names and categories', async () => {
		const values = async (filter: string) => (await search(filter)).map((r) => r.value);
		expect(await values('cancelled')).toContain('wms.stockout.Sales.searchCancel');
		expect(await values('SEARCHCANCEL')).toEqual(['wms.stockout.Sales.searchCancel']);
		expect(await values('取消')).toEqual(
			expect.arrayContaining([
				'wms.stockout.Sales.searchCancel',
				'purchase.PurchaseApply.cancelForApi',
			]),
		);
		expect(await values('出库')).toEqual(
			expect.arrayContaining([
				'wms.stockout.Sales.queryWithDetail',
				'wms.stockother.Out.cancelOrder',
			]),
		);
		expect(await values('售后')).toContain('aftersales.refund.Refund.search');
		expect(await values('no such method')).toEqual([]);
	});
});

describe('page parsing', () => {
	const page = [
		'**demo.Thing.search** **（演示查询）**',
		'**1.接口说明**',
		'|     |',
		'| --- |',
		'| **1.4 时间跨度：** start\\_time和end\\_time最大跨度为60分钟。 |',
		'| **1.5 注意事项：** 本接口不返回淘系、拼多多及系统供销平台数据。<br>通过从后往前翻页的方式可以避免漏单问题 |',
		'3.2 公共请求参数',
		'| 名称 | 字段 | 类型 | 长度 | 必须 | 描述 |',
		'| --- | --- | --- | --- | --- | --- |',
		'| 分页编号 | page\\_no | int |  | N | 标准接口page\\_no从0开始 |',
		'3.3 业务请求参数',
		'| 名称 | 字段 | 类型 | 长度 | 必须 | 描述 |',
		'| --- | --- | --- | --- | --- | --- |',
		'| 查询参数 | params | Map<String, Object> |  | Y | 查询参数 |',
		'| 分页 | pager | Pager |  | Y | 分页 |',
		'**params**',
		'| 名称 | 字段 | 类型 | 长度 | 必须 | 描述 |',
		'| --- | --- | --- | --- | --- | --- |',
		'| 开始时间 | start\\_time | String | 40 | Y | 开始 |',
		'| 结束时间 | end\\_time | String | 40 | Y | 结束 |',
		'**pager**',
		'| 名称 | 字段 | 类型 | 长度 | 必须 | 描述 |',
		'| --- | --- | --- | --- | --- | --- |',
		'| 分页大小 | page\\_size | Int | 4 | Y | 分页大小（最大不超1000） |',
		'| 页号 | page\\_no | Int | 4 | Y | 从1开始 |',
		'**4.响应参数**',
		'| 名称 | 字段 | 类型 | 长度 | 必须 | 描述 |',
		'| --- | --- | --- | --- | --- | --- |',
		'| 状态码 | status | Int |  | Y | 0为正常 |',
		'| 数据 | data | List<Map<String, Object>> |  | Y | 数据 |',
		'data',
		'| 名称 | 字段 | 类型 | 长度 | 必须 | 描述 |',
		'| --- | --- | --- | --- | --- | --- |',
		'| 总数 | total\\_count | Int |  | Y | 总数 |',
		'| 记录 | things | List<Map<String, Object>> |  | Y | 记录 |',
		'| **things** |  |  |  |  |  |',
		'| 状态 | status | Int |  | Y | 状态:<br>5已取消<br>53 WMS已接单<br>110：已完成 |',
		'**5.请求示例**',
		'|     |     |',
		'| --- | --- |',
		'|  | `[{`<br>`"start_time"``:``"2024-01-01 00:00:00"``}]` |',
		'**6.响应示例**',
		'|     |     |',
		'| --- | --- |',
		'| json | ```<br>{"status": 0, "data": {"total_count": 1, "things": [{"status": 5}]}}<br>``` |',
		'6.2异常响应示例',
		'```',
		'{"status": 100, "message": "错误"}',
		'```',
	].join('\n');

	it('a window limit in a row numbered 1.3, or only in the error example', () => {
		const build = (markdown: string) =>
			buildMethod(
				{ method: 'demo.Thing.search', category: '演示', nameZh: '演示查询' },
				'Q',
				markdown,
			).entry.maxWindowMs;
		const spanRow = '| **1.4 时间跨度：** start\\_time和end\\_time最大跨度为60分钟。 |';
		expect(page).toContain(spanRow);
		const renumbered = page.replace(
			spanRow,
			'| **1.3 时间跨度：** start\\_time和end\\_time最大跨度为30天 |\n| **1.4 注意事项：** 无 |',
		);
		expect(build(renumbered)).toBe(30 * 86_400_000);
		const onlyRefusal = page
			.replace(spanRow, '| **1.4 时间跨度：** |')
			.replace('"message": "错误"', '"message": "您的查询时间过宽,查询时间不能大于7天"');
		expect(build(onlyRefusal)).toBe(7 * 86_400_000);
		expect(build(page.replace(spanRow, '| **1.4 时间跨度：** |'))).toBeUndefined();
	});

	it('reads tables, nesting, pager, window, status table, notes and examples', () => {
		const built = buildMethod(
			{ method: 'demo.Thing.search', category: '演示', nameZh: '演示查询' },
			'Query Things',
			page,
		);
		expect(built.warnings).toEqual([]);
		expect(built.entry).toEqual({
			method: 'demo.Thing.search',
			category: '演示',
			nameZh: '演示查询',
			nameEn: 'Query Things',
			documented: true,
			write: false,
			paged: true,
			pageNoStart: 1,
			maxPageSize: 1000,
			listPath: ['things'],
			totalPath: ['total_count'],
			maxWindowMs: 3_600_000,
			windowFields: ['start_time', 'end_time'],
			args: [
				{
					name: 'params',
					type: 'Map<String, Object>',
					required: true,
					children: [
						{ name: 'start_time', type: 'String', length: 40, required: true },
						{ name: 'end_time', type: 'String', length: 40, required: true },
					],
				},
			],
			statusTables: { status: { '5': '已取消', '53': 'WMS已接单', '110': '已完成' } },
			notes: [
				'本接口不返回淘系、拼多多及系统供销平台数据',
				'通过从后往前翻页的方式可以避免漏单问题',
			],
		});
		expect(built.fixture?.requestExample).toEqual([{ start_time: '2024-01-01 00:00:00' }]);
		expect(built.fixture?.replyExample).toEqual({
			status: 0,
			data: { total_count: 1, things: [{ status: 5 }] },
		});
		expect(built.fixture?.errorReplyExamples).toEqual([{ status: 100, message: '错误' }]);
		expect(parsePage(page).nameZh).toBe('演示查询');
	});

	it('status tables in the forms the pages use', () => {
		expect(parseStatusTable('5：已取消\n10：待放回')).toEqual({ '5': '已取消', '10': '待放回' });
		expect(parseStatusTable('英文逗号拼接的状态值:\n10=已取消；20=编辑中')).toEqual({
			'10': '已取消',
			'20': '编辑中',
		});
		expect(parseStatusTable('0删除 1在架 2下架')).toEqual({
			'0': '删除',
			'1': '在架',
			'2': '下架',
		});
		expect(parseStatusTable('-1：默认\n0：非动态')).toEqual({ '-1': '默认', '0': '非动态' });
		expect(parseStatusTable('默认为0')).toBeUndefined();
		// A label before the first code on its line (purchase.PurchaseOrder.queryWithDetail).
		expect(parseStatusTable('采购单状态：10 已取消,20 编辑中,30 待审核')).toEqual({
			'10': '已取消',
			'20': '编辑中',
			'30': '待审核',
		});
		// Names before codes (是：1 否：0) stay no table.
		expect(parseStatusTable('是：1  否：0     店铺下配置')).toBeUndefined();
	});

	it("status tables despite the vendor's typos: each code with its own name", () => {
		expect(parseStatusTable('10:已取消\n40已推送:80:已结算\n90:已完成')).toEqual({
			'10': '已取消',
			'40': '已推送',
			'80': '已结算',
			'90': '已完成',
		});
		expect(parseStatusTable('1:普通仓库\n4:京东沧海.6:抖音云仓')).toEqual({
			'1': '普通仓库',
			'4': '京东沧海',
			'6': '抖音云仓',
		});
		expect(parseStatusTable('0:不可结算\n1:待结算2:部分结算,3已结算')).toEqual({
			'0': '不可结算',
			'1': '待结算',
			'2': '部分结算',
			'3': '已结算',
		});
		expect(
			parseStatusTable(
				'11：唯品JIT电子面单 16:ASCP电子面单\n2：菜鸟电子面单（淘宝云栈）3：京东无界',
			),
		).toEqual({
			'2': '菜鸟电子面单（淘宝云栈）',
			'3': '京东无界',
			'11': '唯品JIT电子面单',
			'16': 'ASCP电子面单',
		});
		// A range of codes is not a code; a version number in a name is not one either.
		expect(
			parseStatusTable('8：分销\n101~110：自定义1~10\n65：主品（1.5.7.0版本以上返回）'),
		).toEqual({
			'8': '分销',
			'65': '主品（1.5.7.0版本以上返回）',
		});
	});

	it('the committed catalog holds no status name with another code inside it', () => {
		const refund = getCatalogMethod('aftersales.refund.Refund.search')?.statusTables ?? {};
		expect(refund.status).toMatchObject({ '40': '已推送', '80': '已结算' });
		expect(refund.warehouse_type).toMatchObject({ '4': '京东沧海', '6': '抖音云仓' });
		const merged: string[] = [];
		for (const entry of listCatalogMethods())
			for (const [field, table] of Object.entries(entry.statusTables ?? {}))
				for (const [code, name] of Object.entries(table))
					if (/\d\s*[:：=]|[，,]\s*-?\d+\s*[\u4e00-\u9fa5]/.test(name))
						merged.push(`${entry.method} ${field} ${code}: ${name}`);
		expect(merged).toEqual([]);
	});

	it('window limits in the forms the pages use', () => {
		expect(parseWindowMs('起止时间差最大1小时')).toBe(3_600_000);
		expect(parseWindowMs('start_time和end_time最大跨度为60分钟。')).toBe(3_600_000);
		expect(parseWindowMs('起止时间跨度不超过30天')).toBe(30 * 86_400_000);
		expect(parseWindowMs('最大跨度为30天，不传则最大跨度为60min')).toBe(3_600_000);
		expect(parseWindowMs('店铺编号不传则全量获取')).toBeUndefined();
		expect(parseWindowMs('{"status":100,"message":"您的查询时间过宽,查询时间不能大于30天"}')).toBe(
			30 * 86_400_000,
		);
		expect(parseWindowMs('您的查询时间过宽,查询时间不能大于60分钟')).toBe(3_600_000);
	});

	it('examples written as backtick-per-token cells parse as JSON', () => {
		expect(parseExample('{\n"status": 0,\n"data": [],\n}')).toEqual({ status: 0, data: [] });
		expect(parseExample('<?php not json')).toBe('<?php not json');
	});

	it('sub-tables attach to their field by name, camelCase name, label or List<type>', () => {
		const field = (name: string, type = 'String', label = name) => ({
			label,
			name,
			type,
			required: true,
			description: '',
		});
		const { fields, orphans } = buildFieldTree([
			{ rows: [field('data', 'Map<String, Object>')] },
			{
				title: 'data',
				rows: [field('detail_list', 'List<Map>'), field('summary', 'List<warehouse_data>')],
			},
			{ title: 'detailList', rows: [field('rec_id', 'Int')] },
			{ title: 'warehouse_data', rows: [field('warehouse_no')] },
			{ title: 'nowhere', rows: [field('x')] },
		]);
		expect(orphans).toEqual(['nowhere']);
		const data = fields[0];
		expect(data.children?.map((f) => [f.name, f.children?.map((c) => c.name)])).toEqual([
			['detail_list', ['rec_id']],
			['summary', ['warehouse_no']],
		]);
		expect(findListShape(data)).toEqual({ listPath: ['detail_list'], otherLists: [['summary']] });
	});

	it('notes keep only privacy and paging sentences', () => {
		expect(
			parseNotes(['1.5 注意事项：权限校验：仓库权限\n本接口不返回淘系数据。按修改时间查询']),
		).toEqual(['本接口不返回淘系数据']);
	});
});
