import { describe, expect, it } from 'vitest';

import {
	baseUrlProblem,
	credentialFieldProblem,
	decodeResponse,
	errorFromStatus,
	redactSecrets,
	WdtError,
} from '../../nodes/shared/protocol/index.ts';

const SIGN = '0123456789abcdef0123456789ABCDEF';
const QUERY = `method=system.Core.now&sid=s1&key=k-123456&salt=salt-98765&timestamp=470000000&sign=${SIGN}&v=1.0`;

describe('redactSecrets', () => {
	it.each([
		[
			'a query string after a path',
			`POST /openapi?${QUERY} failed`,
			'POST /openapi?[hidden] failed',
		],
		[
			'a full URL',
			`at http://h:8080/openapi?${QUERY} (GET)`,
			'at http://h:8080/openapi?[hidden] (GET)',
		],
		['a query of its own', `?${QUERY}`, '?[hidden]'],
		[
			'name=value pairs without a ?',
			`salt=abc&sign=def key=ghi`,
			'salt=[hidden]&sign=[hidden] key=[hidden]',
		],
		[
			'JSON pairs',
			`{"salt":"abc","sign": "def","secret":"x y"}`,
			'{"salt":[hidden],"sign": [hidden],"secret":[hidden]}',
		],
		['colon pairs', `appkey: K1, appsecret: S1`, 'appkey: [hidden], appsecret: [hidden]'],
		['an md5-shaped token', `签名 ${SIGN} 不对`, '签名 [hidden] 不对'],
	])('hides %s', (_what, text, expected) => {
		expect(redactSecrets(text)).toBe(expected);
	});

	it('hides given values as is, URL-encoded and JSON-escaped', () => {
		const salt = 'pa ss/"word';
		const text = `a ${salt} b ${encodeURIComponent(salt)} c ${JSON.stringify(salt)}`;
		expect(redactSecrets(text, [salt])).toBe('a [hidden] b [hidden] c "[hidden]"');
	});

	it('leaves ordinary text, WDT messages and short values alone', () => {
		for (const text of [
			'超过每分钟最大调用频率限制，请稍后重试',
			'采购申请单号已存在',
			'Check the API Key, Secret and Salt in the credential',
			'which key? none',
			'http://wdt.wangdian.cn/openapi',
		])
			expect(redactSecrets(text, ['abc', ''])).toBe(text);
	});
});

describe('errors hide what a server echoed', () => {
	it('in the message and WDT message of a status error', () => {
		const error = errorFromStatus('m.x', 100, `bad /openapi?${QUERY}`);
		expect(error.message).toBe(
			'WDT m.x failed: WDT refused the request (status 100: "bad /openapi?[hidden]")',
		);
		expect(error.wdtMessage).toBe('bad /openapi?[hidden]');
		expect(error.stack).not.toContain('salt-98765');
	});

	it('in previews of replies that are not WDT envelopes', () => {
		for (const [body, status] of [
			[`<html><title>/openapi?${QUERY}</title></html>`, 500],
			[`{"url":"/openapi?${QUERY}"}`, 200],
			[`oops /openapi?${QUERY}`, 200],
		] as const) {
			let caught: unknown;
			try {
				decodeResponse('m.x', body, status);
			} catch (error) {
				caught = error;
			}
			expect((caught as WdtError).message).not.toMatch(/salt-98765|k-123456|0123456789abcdef/i);
			expect((caught as WdtError).message).toContain('?[hidden]');
		}
	});

	it('in any WdtError, with the credential values given', () => {
		const error = new WdtError(
			'echo: my-salt-value and my-secret-value',
			{
				kind: 'business',
				fix: '',
				retryable: false,
				wdtMessage: 'my-salt-value',
			},
			['my-salt-value', 'my-secret-value'],
		);
		expect(error.message).toBe('echo: [hidden] and [hidden]');
		expect(error.wdtMessage).toBe('[hidden]');
	});
});

describe('credential fields are checked before anything is sent', () => {
	const good = {
		sid: 's',
		key: 'k',
		secret: 'sec',
		salt: 'salt',
		environment: 'custom',
		baseUrl: 'http://127.0.0.1:1/openapi',
	};

	it('accepts good fields, and "secret:salt" in Secret with Salt empty', () => {
		expect(credentialFieldProblem(good)).toBeUndefined();
		expect(credentialFieldProblem({ ...good, secret: 'sec:salt', salt: '' })).toBeUndefined();
		expect(
			credentialFieldProblem({ ...good, environment: 'production', baseUrl: 'nonsense' }),
		).toBeUndefined();
	});

	it.each([
		[{ salt: '' }, /Salt is empty and its Secret has no colon/],
		[{ secret: '  ' }, /Secret is empty/],
		[{ sid: '' }, /Seller Account \(sid\) is empty/],
		[{ key: '' }, /API Key is empty/],
		[{ baseUrl: 'http://127.0.0.1:1' }, /ending in \/openapi/],
	])('names the field: %o', (overrides, message) => {
		expect(credentialFieldProblem({ ...good, ...overrides })).toMatch(message);
	});

	it.each([
		['http://wdt.wangdian.cn/openapi', undefined],
		['https://proxy.example.com/wdt/openapi/', undefined],
		['wdt.wangdian.cn/openapi', /must start with http:\/\/ or https:\/\//],
		['ftp://wdt.wangdian.cn/openapi', /must start with http:\/\/ or https:\/\//],
		['http://wdt.wangdian.cn/openapi?x=1', /must not contain a query/],
		['http://wdt.wangdian.cn/openapi#top', /must not contain a query \(\?…\) or fragment/],
		['http://wdt.wangdian.cn/', /ending in \/openapi/],
		['http://wdt.wangdian.cn/openapi/v2', /ending in \/openapi/],
		['http://user:pw@wdt.wangdian.cn/openapi', /user name or password/],
		['http://', /not a valid URL/],
	])('Base URL %s', (url, message) => {
		const problem = baseUrlProblem(url);
		if (message === undefined) expect(problem).toBeUndefined();
		else expect(problem).toMatch(message);
	});
});
