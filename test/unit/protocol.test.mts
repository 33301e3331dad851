import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

import {
	callQuery,
	chunk,
	classifyWdtStatus,
	computeSign,
	decodeResponse,
	encodeBody,
	ensureSuccess,
	locateRecords,
	fromWdtTime,
	pageThrough,
	parseOrderNumbers,
	parseUserDateTime,
	readWdtCredentials,
	signHttpRequest,
	signQuery,
	splitIntoWindows,
	splitSecretAndSalt,
	toStockoutItem,
	toWdtTime,
	WdtError,
	type WdtPager,
	type WdtResponse,
} from '../../nodes/shared/protocol/index.ts';
import { otherOutOutcomes } from '../../nodes/Wdt/actions/otherOut/cancelReply.ts';
import { purchaseApplyOutcomes } from '../../nodes/Wdt/actions/purchaseApply/statusChangeReply.ts';

const here = dirname(fileURLToPath(import.meta.url));
const vectors = JSON.parse(
	readFileSync(join(here, '../fixtures/wdt-docs/sign-vectors.json'), 'utf8'),
) as {
	cases: Array<{
		name: string;
		appsecret: string;
		secret: string;
		salt: string;
		params: Record<string, string>;
		sign: string;
	}>;
};

describe('signing', () => {
	it.each(vectors.cases.map((c) => [c.name, c] as const))(
		'reproduces sign vector: %s',
		(_name, vector) => {
			expect(computeSign(vector.params, vector.secret)).toBe(vector.sign);
			expect(splitSecretAndSalt(vector.appsecret, '')).toEqual({
				secret: vector.secret,
				salt: vector.salt,
			});
		},
	);

	it('signs a call end to end like the vendor example (body string hashed as sent, pager in the query)', () => {
		const vector = vectors.cases.find((c) => c.params.page_size)!;
		const body = vector.params.body;
		const query = callQuery({
			method: vector.params.method,
			pager: {
				pageSize: Number(vector.params.page_size),
				pageNo: Number(vector.params.page_no),
				calcTotal: true,
			},
		});
		const nowMs = (Number(vector.params.timestamp) + 1325347200) * 1000;
		const signed = signQuery(
			query,
			body,
			{ sid: vector.params.sid, key: vector.params.key, secret: vector.secret, salt: vector.salt },
			nowMs,
		);
		expect(signed.sign).toBe(vector.sign);
		expect(signed).not.toHaveProperty('body');
		expect(signed.timestamp).toBe(vector.params.timestamp);
	});

	it('signHttpRequest serializes an object body once and sends exactly the hashed string', () => {
		const request = signHttpRequest(
			{
				sid: 's',
				key: 'k',
				secret: 'sec:salt',
				salt: '',
				environment: 'custom',
				baseUrl: 'http://127.0.0.1:1/openapi/',
			},
			{ url: '', qs: { method: 'system.Core.now', page_no: 0 }, body: [{ a: '中文' }] },
			1_700_000_000_000,
		);
		expect(request.body).toBe(encodeBody([{ a: '中文' }]));
		expect(request.baseURL).toBe('http://127.0.0.1:1/openapi');
		const { sign, ...rest } = request.qs as Record<string, string>;
		expect(rest.salt).toBe('salt');
		expect(rest.page_no).toBe('0');
		expect(sign).toBe(computeSign({ ...rest, body: request.body as string }, 'sec'));
	});

	it('keeps an absolute URL (HTTP Request node) and picks endpoints per environment', () => {
		const signed = signHttpRequest(
			{ sid: 's', key: 'k', secret: 'a', salt: 'b', environment: 'test' },
			{ url: 'http://example.invalid/openapi', body: '[]' },
			0,
		);
		expect(signed.baseURL).toBeUndefined();
		expect(readWdtCredentials({ environment: 'production' }).endpoint).toBe(
			'http://wdt.wangdian.cn/openapi',
		);
		expect(readWdtCredentials({ environment: 'test' }).endpoint).toBe(
			'http://47.92.239.46/openapi',
		);
	});
});

describe('reply decoding', () => {
	it.each([
		[
			'an HTML gateway page',
			'<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
			502,
			/HTML page \("502 Bad Gateway"\)/,
		],
		['an empty body', '', 200, /empty body/],
		['a truncated body', '{"status":0,"data":{"order_li', 200, /truncated or malformed JSON/],
	])('turns %s into a clear, retryable error', (_what, body, status, message) => {
		let caught: unknown;
		try {
			decodeResponse('m.x', body, status);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(WdtError);
		expect((caught as WdtError).message).toMatch(message);
		expect((caught as WdtError).kind).toBe('badResponse');
		expect((caught as WdtError).retryable).toBe(true);
	});

	it.each([
		['JSON without status', '{"foo":1}', 200, /without a status number/],
		['a status that is text', '{"status":"0"}', 200, /without a status number/],
		['an HTML page with HTTP 200', '<html><title>Home</title></html>', 200, /HTML page/],
		['a 404 page', 'Not Found', 404, /HTTP 404/],
	])('turns %s into a "not WDT" error that is not retried', (_what, body, status, message) => {
		let caught: unknown;
		try {
			decodeResponse('m.x', body, status);
		} catch (error) {
			caught = error;
		}
		expect((caught as WdtError).message).toMatch(message);
		expect((caught as WdtError).kind).toBe('notWdt');
		expect((caught as WdtError).retryable).toBe(false);
		expect((caught as WdtError).fix).toMatch(/Base URL .*ending in \/openapi/);
	});

	it('accepts a parsed or a text envelope and raises WDT statuses with their class', () => {
		expect(decodeResponse('m', '{"status":0,"data":[]}').data).toEqual([]);
		expect(decodeResponse('m', { status: 0, data: 1 }).data).toBe(1);
		expect(() => ensureSuccess('m', { status: 7, message: '时间戳错误' })).toThrow(
			'WDT m failed: WDT rejected the timestamp (status 7: "时间戳错误")',
		);
	});
});

describe('error classification', () => {
	it.each([
		[1, '验证失败', 'wrongKeyOrSecret'],
		[1, 'app auth fail', 'wrongKeyOrSecret'],
		[1, 'sid is not exists', 'wrongSidOrEnvironment'],
		[1, 'sid is not found', 'wrongSidOrEnvironment'],
		[7, '时间戳错误', 'clockSkew'],
		[6, 'ip限制', 'ipWhitelist'],
		[100, '权限不足', 'methodNotGranted'],
		[100, '超过每分钟最大调用频率限制，请稍后重试', 'rateLimit'],
		[100, '超过每分钟最大并发次数限制，请稍后重试', 'rateLimit'],
		[100, '此方法仅支持分页查询：wms.x', 'pagerRequired'],
		[100, '采购申请单号已存在', 'business'],
		[8, '版本错误', 'versionMismatch'],
		[3, '需要动态口令', 'dynamicPassword'],
		[4, '数据库错误', 'serverFault'],
		[99, '其他错误', 'serverFault'],
	] as const)('status %i "%s" → %s with a fix', (status, message, kind) => {
		const result = classifyWdtStatus(status, message);
		expect(result.kind).toBe(kind);
		expect(result.fix.length).toBeGreaterThan(20);
		// English only, apart from a quoted WDT menu path.
		expect(result.fix.replace(/"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fa5]/);
		expect(result.retryable).toBe(false);
	});
});

describe('time helpers hold in any host timezone', () => {
	const originalTz = process.env.TZ;
	afterEach(() => {
		process.env.TZ = originalTz;
	});

	it.each(['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Chatham'])('TZ=%s', (tz) => {
		process.env.TZ = tz;
		const instant = Date.UTC(2024, 2, 10, 7, 30, 15, 999); // around the US DST change
		expect(toWdtTime(instant)).toBe('2024-03-10 15:30:15');
		expect(fromWdtTime('2024-03-10 15:30:15')).toBe(instant - 999);
		expect(toWdtTime(fromWdtTime('2023-12-31 23:59:59'))).toBe('2023-12-31 23:59:59');
		expect(parseUserDateTime('2024-03-10T01:30:00', 'America/New_York')).toBe(
			Date.UTC(2024, 2, 10, 6, 30),
		);
		expect(parseUserDateTime('2024-03-10T03:30:00', 'America/New_York')).toBe(
			Date.UTC(2024, 2, 10, 7, 30),
		);
		expect(parseUserDateTime('2024-07-01T09:00:00', 'America/New_York')).toBe(
			Date.UTC(2024, 6, 1, 13, 0),
		);
		expect(parseUserDateTime('2024-07-01T09:00:00', 'UTC')).toBe(Date.UTC(2024, 6, 1, 9, 0));
		expect(parseUserDateTime('2024-07-01T09:00:00+08:00', 'UTC')).toBe(Date.UTC(2024, 6, 1, 1, 0));
		expect(parseUserDateTime('not a date', 'UTC')).toBeUndefined();
	});

	it('rejects impossible WDT times', () => {
		expect(() => fromWdtTime('2024-02-31 00:00:00')).toThrow(RangeError);
		expect(() => fromWdtTime('2024/02/01 00:00:00')).toThrow(RangeError);
	});

	it('splits a range into windows of at most N minutes that cover it exactly', () => {
		const start = Date.UTC(2024, 0, 1, 0, 0, 0);
		const windows = splitIntoWindows(start, start + 150 * 60_000, 60 * 60_000);
		expect(windows.map((w) => [toWdtTime(w.startMs), toWdtTime(w.endMs)])).toEqual([
			['2024-01-01 08:00:00', '2024-01-01 09:00:00'],
			['2024-01-01 09:00:00', '2024-01-01 10:00:00'],
			['2024-01-01 10:00:00', '2024-01-01 10:30:00'],
		]);
		expect(splitIntoWindows(start, start, 60_000)).toEqual([{ startMs: start, endMs: start }]);
		expect(() => splitIntoWindows(start, start - 1, 60_000)).toThrow(/before the start/);
	});
});

describe('order numbers and batch outcomes', () => {
	it('parses one number, lists and arrays, and names what is wrong', () => {
		expect(parseOrderNumbers('POA1')).toEqual({ numbers: ['POA1'] });
		expect(parseOrderNumbers(' POA1, POA2，POA3\nPOA4 ')).toEqual({
			numbers: ['POA1', 'POA2', 'POA3', 'POA4'],
		});
		expect(parseOrderNumbers(['A', ['B', 'C, D'], 12])).toEqual({
			numbers: ['A', 'B', 'C', 'D', '12'],
		});
		expect(parseOrderNumbers({ no: 1 })).toEqual({
			problem: 'the value is an object, not an order number',
		});
		expect(parseOrderNumbers(['A', { x: 1 }])).toEqual({
			problem: 'the value[1] is an object, not an order number',
		});
	});

	it('chunks', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(() => chunk([1], 0)).toThrow();
	});

	it('maps cancelForApi failures (listed) and successes (not listed)', () => {
		const outcomes = purchaseApplyOutcomes(['POA1', 'POA2'], {
			total: 1,
			data: [
				{ order_id: 1, order_no: 'POA2', error: '采购申请单状态不是编辑中或待确认', error_code: 0 },
			],
		});
		expect(outcomes).toEqual([
			{ order_no: 'POA1', success: true, outcome: 'succeeded', error: null, error_code: null },
			{
				order_no: 'POA2',
				success: false,
				outcome: 'failed',
				error: '采购申请单状态不是编辑中或待确认',
				error_code: 0,
				order_id: 1,
			},
		]);
	});

	it('maps cancelOrder success_data/error_data; in both or in neither is unknown', () => {
		const outcomes = otherOutOutcomes(['QC1', 'QC2', 'QC3'], {
			success_data: ['QC1', 'QC2'],
			error_data: [{ order_no: 'QC2', err_msg: '单据状态不是编辑中、待审核、已审核，不允许取消' }],
		});
		expect(outcomes.map((o) => [o.order_no, o.success, o.outcome])).toEqual([
			['QC1', true, 'succeeded'],
			['QC2', false, 'unknown'],
			['QC3', false, 'unknown'],
		]);
		expect(outcomes[2].error).toMatch(/neither/);
	});
});

describe('paging', () => {
	const pages = (records: number[], pageSizeCap = 100) => {
		const calls: WdtPager[] = [];
		const fetchPage = async (pager: WdtPager): Promise<WdtResponse> => {
			calls.push(pager);
			const size = Math.min(pager.pageSize, pageSizeCap);
			const slice = records.slice(pager.pageNo * size, (pager.pageNo + 1) * size);
			return { status: 0, data: { order_list: slice, total_count: records.length } };
		};
		return { calls, fetchPage };
	};

	it('reads exactly ⌈total/page⌉ pages, one for an empty result', async () => {
		for (const [count, expected] of [
			[0, 1],
			[1, 1],
			[100, 1],
			[101, 2],
			[250, 3],
		] as const) {
			const { calls, fetchPage } = pages(Array.from({ length: count }, (_, i) => i));
			const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100 });
			expect(result.records).toHaveLength(count);
			expect(calls).toHaveLength(expected);
			expect(calls.every((c) => c.calcTotal)).toBe(true);
		}
	});

	it('stops calling once the limit is reached', async () => {
		const { calls, fetchPage } = pages(Array.from({ length: 1000 }, (_, i) => i));
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 100, limit: 150 });
		expect(calls).toHaveLength(2);
		expect(result.complete).toBe(false);
	});

	it('restarts when the total changes between pages, so a shifted record is not skipped', async () => {
		let records = [1, 2, 3, 4];
		let call = 0;
		const fetchPage = async (pager: WdtPager): Promise<WdtResponse> => {
			if (call++ === 1) records = [2, 3, 4]; // record 1 modified away after page 0
			return {
				status: 0,
				data: {
					order_list: records.slice(pager.pageNo * 2, pager.pageNo * 2 + 2),
					total_count: records.length,
				},
			};
		};
		const result = await pageThrough(fetchPage, { method: 'm.x', pageSize: 2 });
		expect(new Set(result.records)).toEqual(new Set([1, 2, 3, 4]));
	});

	it('finds the list in a reply', () => {
		const at = (data: unknown) => {
			const { list, total } = locateRecords('m.x', data);
			return { list, total };
		};
		expect(at({ order_list: [1], total_count: 5 })).toEqual({ list: [1], total: 5 });
		expect(at([1, 2])).toEqual({ list: [1, 2], total: undefined });
		expect(at({ goods: [1] })).toEqual({ list: [1], total: undefined });
		// Several lists and none known: a clear error naming the method and the keys, not undefined.
		expect(() => locateRecords('m.x', { a: [1], b: [2] })).toThrow(/m\.x.*keys a, b/);
	});
});

describe('stockout mapping', () => {
	it('adds status_name and keeps raw fields', () => {
		const item = toStockoutItem({
			stockout_id: '7',
			stockout_no: 'CK1',
			status: '5',
			modified: '2024-01-01 00:00:00',
			shop_no: 'S1',
		});
		expect(item).toMatchObject({ stockout_id: 7, status: 5, status_name: '已取消', shop_no: 'S1' });
		expect(toStockoutItem({ stockout_id: 1, status: 110, modified: '' }).status_name).toBe(
			'已完成',
		);
	});
});

describe('records that move while a window is paged', () => {
	it('are detected by one id at two modified times', async () => {
		const { movedWhilePaging } = await import('../../nodes/shared/protocol/index.ts');
		const at = (id: number, modified: string) =>
			toStockoutItem({ stockout_id: id, status: 5, modified });
		expect(movedWhilePaging([at(1, '2024-01-01 00:00:01'), at(2, '2024-01-01 00:00:02')])).toBe(
			false,
		);
		expect(movedWhilePaging([at(1, '2024-01-01 00:00:01'), at(1, '2024-01-01 00:00:01')])).toBe(
			false,
		);
		expect(
			movedWhilePaging([
				at(1, '2024-01-01 00:00:01'),
				at(2, '2024-01-01 00:00:02'),
				at(1, '2024-01-01 00:30:00'),
			]),
		).toBe(true);
	});
});
