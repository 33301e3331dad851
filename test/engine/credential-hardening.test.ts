/* eslint-disable -- test code, never shipped: the community-node lint rules (hardcoded secrets, …) are for node code. */
/**
 * The credential test passes only a real WDT, and its failures name the field to fix: through
 * n8n's credential-test path (RoutingNode + the credential's declarative `test`) and through a
 * node run, against a server that answers whatever the test wants.
 *
 * What n8n's declarative test cannot do: when the connection itself fails (nothing listens at
 * the port, https against an http server, the deadline passes), n8n shows the socket error code
 * (or its own words for it) and no code of ours runs; the Environment and Base URL fields say
 * under them what those texts mean, and a node run says the same in words. https:// for WDT's
 * own (http-only) endpoints is refused before anything is sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { WdtApi } from '../../credentials/WdtApi.credentials';
import {
	NOT_WDT_REPLIES,
	WDT_DEADLINES,
	WDT_ENDPOINTS,
	credentialProblem,
} from '../../nodes/shared/protocol';
import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { createEngine } from '../harness';
import { closedPort, startHostileServer, type HostileServer } from './hostile-server';

let server: HostileServer;
const engine = createEngine({ nodes: [Wdt] });
const fields = (overrides: Record<string, string> = {}) => ({
	sid: 'hardening-sid',
	key: 'hardening-key',
	secret: 'hardening-secret-1a2b3c',
	salt: 'hardening-salt-4d5e6f',
	environment: 'custom',
	baseUrl: server.url,
	...overrides,
});
const testCredential = async (overrides: Record<string, string> = {}) =>
	await engine.testCredential('wdtApi', fields(overrides));

beforeAll(async () => {
	server = await startHostileServer();
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	server.behave(() => ({ kind: 'reply', body: { status: 0, data: { now: 464_000_000 } } }));
});

describe('only a well-formed WDT envelope with a numeric status 0 passes', () => {
	it('passes on {status: 0, data}', async () => {
		expect(await testCredential()).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests).toHaveLength(1);
		// The marker that gives the test its short deadline never leaves n8n.
		expect(Object.keys(server.requests[0].headers)).not.toContain('x-wdt-credential-test');
	});

	it.each([
		[
			'an HTML page with HTTP 200',
			'<!DOCTYPE html><html><title>Welcome</title></html>',
			NOT_WDT_REPLIES.htmlPage,
		],
		['an empty body', '', NOT_WDT_REPLIES.emptyBody],
		['{"status":"0"}', { status: '0' }, NOT_WDT_REPLIES.statusNotNumber],
		['{"status":null}', { status: null }, NOT_WDT_REPLIES.statusNotNumber],
		['{"status":false}', { status: false }, NOT_WDT_REPLIES.statusNotNumber],
		['JSON without status', { ok: true }, NOT_WDT_REPLIES.noStatus],
		['plain text', 'OK', NOT_WDT_REPLIES.noStatus],
		[
			'status 2, which WDT documents for unknown fields',
			{ status: 2, message: 'shop_no' },
			credentialProblem('badArguments'),
		],
	])('fails on %s', async (_what, body, message) => {
		server.behave(() => ({ kind: 'reply', body }));
		expect(await testCredential()).toEqual({ status: 'Error', message });
	});

	it.each([
		[404, 'Not Found', NOT_WDT_REPLIES.noStatus],
		[404, '<html><title>404 Not Found</title></html>', NOT_WDT_REPLIES.htmlPage],
		[502, '<html><title>502 Bad Gateway</title></html>', NOT_WDT_REPLIES.htmlPage],
	])(
		"fails on HTTP %i with a message about the Base URL, not n8n's generic one",
		async (status, body, message) => {
			server.behave(() => ({ kind: 'reply', status, body }));
			const result = await testCredential();
			expect(result).toEqual({ status: 'Error', message });
			expect(result.message).toMatch(/Base URL/);
		},
	);
});

describe('failures name the field to fix, before anything is sent', () => {
	it.each([
		[
			'Salt empty and Secret without a colon',
			{ salt: '' },
			"The credential's Salt is empty and its Secret has no colon: WDT's appsecret has two parts separated by a colon. Paste the whole appsecret, colon included, into Secret, or put the part after the colon into Salt.",
		],
		[
			'Secret empty',
			{ secret: '' },
			"The credential's Secret is empty: paste the appsecret from the WDT open platform.",
		],
		['Seller Account empty', { sid: ' ' }, "The credential's Seller Account (sid) is empty."],
		['API Key empty', { key: '' }, "The credential's API Key is empty."],
	])('%s', async (_what, overrides, message) => {
		expect(await testCredential(overrides)).toEqual({ status: 'Error', message });
		expect(server.requests).toHaveLength(0);
	});

	it('accepts an empty Salt when Secret holds the whole appsecret "secret:salt"', async () => {
		expect(
			(await testCredential({ secret: 'hardening-secret-1a2b3c:hardening-salt-4d5e6f', salt: '' }))
				.status,
		).toBe('OK');
		expect(server.requests[0].query.salt).toBe('hardening-salt-4d5e6f');
	});

	it.each([
		[
			'without /openapi',
			(url: string) => url.replace(/\/openapi$/, ''),
			/must be WDT's endpoint itself, ending in \/openapi/,
		],
		[
			'with a path after /openapi',
			(url: string) => `${url}/extra`,
			/must be WDT's endpoint itself, ending in \/openapi/,
		],
		['with a query', (url: string) => `${url}?sid=x`, /must not contain a query/],
		[
			'without http://',
			(url: string) => url.replace(/^http:\/\//, ''),
			/must start with http:\/\/ or https:\/\//,
		],
		['empty', () => '', /Base URL is empty/],
		['not a URL', () => 'http://', /is not a valid URL/],
	])('Base URL %s', async (_what, rewrite, message) => {
		const result = await testCredential({ baseUrl: rewrite(server.url) });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The credential's Base URL /);
		expect(result.message).toMatch(message);
		expect(server.requests).toHaveLength(0);
	});

	it.each([
		['https://wdt.wangdian.cn/openapi', 'Production', 'http://wdt.wangdian.cn/openapi'],
		['HTTPS://47.92.239.46/openapi/', 'Test', 'http://47.92.239.46/openapi'],
	])(
		'https:// for a WDT endpoint (%s) is refused before sending: WDT serves http:// only',
		async (baseUrl, environment, endpoint) => {
			const result = await testCredential({ baseUrl });
			expect(result).toEqual({
				status: 'Error',
				message: `The credential's Base URL uses https:// for WDT's ${environment.toLowerCase()} endpoint, which WDT serves over http:// only: pick Environment → ${environment} (${endpoint}) instead of a Custom URL.`,
			});
			expect(server.requests).toHaveLength(0);
		},
	);

	it("the Environment and Base URL fields say under them what n8n's connection texts mean", () => {
		const fields = new WdtApi().properties;
		const hint = (name: string) => fields.find((field) => field.name === name)?.hint ?? '';
		expect(hint('environment')).toContain(WDT_ENDPOINTS.production);
		expect(hint('environment')).toContain(WDT_ENDPOINTS.test);
		for (const words of [
			'refused the connection',
			'ECONNREFUSED',
			'EPROTO',
			'wrong version number',
			'incorrect host',
			'ENOTFOUND',
			`${WDT_DEADLINES.credentialTestMs / 1000} seconds`,
		])
			expect(hint('baseUrl')).toContain(words);
	});

	it('a trailing slash after /openapi is fine', async () => {
		expect((await testCredential({ baseUrl: `${server.url}/` })).status).toBe('OK');
		expect(server.requests[0].path).toBe('/openapi');
	});

	it('a closed port and https for an http server fail quickly (n8n shows the socket code)', async () => {
		const refused = await testCredential({
			baseUrl: `http://127.0.0.1:${await closedPort()}/openapi`,
		});
		expect(refused).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
		const tls = await testCredential({ baseUrl: server.url.replace('http:', 'https:') });
		expect(tls.status).toBe('Error');
		expect(server.requests).toHaveLength(0);
	});
});

describe('a node run with unusable credential fields names the field and sends nothing', () => {
	const runWith = async (overrides: Record<string, string>) =>
		await engine.runNode({
			type: 'wdt',
			parameters: {
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'name', value: 'system.Core.now' },
				arguments: '[]',
			},
			credentials: { wdtApi: fields(overrides) },
		});

	it('Salt empty and Secret without a colon', async () => {
		const { error } = await runWith({ salt: '' });
		expect(error?.message).toMatch(/^The credential's Salt is empty and its Secret has no colon/);
		expect(error?.description).toBe('Open the WDT credential and correct the field named above.');
		expect(server.requests).toHaveLength(0);
	});

	it('a Base URL without /openapi', async () => {
		const { error } = await runWith({ baseUrl: server.origin });
		expect(error?.message).toMatch(
			/^The credential's Base URL must be WDT's endpoint itself, ending in \/openapi/,
		);
		expect(server.requests).toHaveLength(0);
	});
});
