/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { WdtApi } from '../../credentials/WdtApi.credentials';
import { computeSign, credentialProblem } from '../../nodes/shared/protocol';
import { createEngine, type Engine } from './engine';
import { startFakeWdtServer, type FakeWdtServer } from './fixtures/fake-wdt-server';

/** A credential in the declarative `IAuthenticateGeneric` form, to prove the helper supports it. */
class HarnessGenericApi implements ICredentialType {
	name = 'harnessGenericApi';

	displayName = 'Harness Generic API';

	properties: INodeProperties[] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Region', name: 'region', type: 'string', default: 'cn-east' },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { 'X-Api-Key': '={{$credentials.apiKey}}' },
			qs: { region: '={{$credentials.region}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/check', method: 'GET' },
		rules: [{ type: 'responseCode', properties: { value: 401, message: 'The API key was refused' } }],
	};
}

let server: FakeWdtServer;
let engine: Engine;

const wdt = (overrides: Record<string, string> = {}) => ({
	sid: 'cred-sid',
	key: 'cred-key',
	secret: 'cred-secret-13579bdf',
	salt: 'cred-salt-2468ace0',
	environment: 'custom',
	baseUrl: server.baseUrl,
	...overrides,
});

beforeAll(async () => {
	server = await startFakeWdtServer();
	engine = createEngine({ credentialTypes: [WdtApi, HarnessGenericApi] });
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.requests.length = 0;
	server.reply(() => ({ body: { status: 0, data: '2026-01-02 03:04:05' } }));
});

describe('testCredential (n8n CredentialsTester with RoutingNode)', () => {
	it('OK when WDT accepts the signed system.Core.now call', async () => {
		const result = await engine.testCredential('wdtApi', wdt());
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });

		expect(server.requests).toHaveLength(1);
		const [request] = server.requests;
		expect(request.method).toBe('POST');
		expect(request.body).toBe('[]');
		const { sign, ...signed } = request.query;
		expect(signed).toMatchObject({ method: 'system.Core.now', sid: 'cred-sid', key: 'cred-key', salt: 'cred-salt-2468ace0' });
		expect(sign).toBe(computeSign({ ...signed, body: '[]' }, 'cred-secret-13579bdf'));
	});

	it('Error with the rule message when WDT answers {status:1, message:"验证失败"} with HTTP 200', async () => {
		server.reply(() => ({ status: 200, body: { status: 1, message: '验证失败' } }));
		const result = await engine.testCredential('wdtApi', wdt({ secret: 'wrong-secret-00000000' }));
		expect(result).toEqual({ status: 'Error', message: credentialProblem('wrongKeyOrSecret') });
	});

	it('Error with the status rule when only the status matches', async () => {
		server.reply(() => ({ body: { status: 7, message: 'timestamp invalid' } }));
		const result = await engine.testCredential('wdtApi', wdt());
		expect(result).toEqual({ status: 'Error', message: credentialProblem('clockSkew') });
	});

	it('Error with the connection error code when nothing listens', async () => {
		const result = await engine.testCredential('wdtApi', wdt({ baseUrl: 'http://127.0.0.1:9/openapi' }));
		expect(result).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});

	it('supports the generic (declarative) authenticate form and responseCode rules', async () => {
		server.reply(() => ({ body: { ok: true } }));
		const data = { baseUrl: server.baseUrl.replace(/\/openapi$/, ''), apiKey: 'generic-key-24680' };
		expect(await engine.testCredential('harnessGenericApi', data)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = server.requests;
		expect(request.path).toBe('/check');
		expect(request.headers['x-api-key']).toBe('generic-key-24680');
		expect(request.query).toEqual({ region: 'cn-east' });

		server.reply(() => ({ status: 401, body: { error: 'no' } }));
		expect(await engine.testCredential('harnessGenericApi', data)).toEqual({ status: 'Error', message: 'The API key was refused' });
	});
});
