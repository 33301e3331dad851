import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	CREDENTIAL_TEST_REPLIES,
	credentialProblem,
	signHttpRequest,
	WDT_ENDPOINTS,
} from '../nodes/shared/protocol';

export class WdtApi implements ICredentialType {
	name = 'wdtApi';

	displayName = 'WDT API';

	icon: Icon = {
		light: 'file:../icons/wdt.svg',
		dark: 'file:../icons/wdt.dark.svg',
	};

	documentationUrl = 'https://open.wangdian.cn/qjb/open/guide?path=qjbguide_kfzn';

	// Salt is masked, although WDT sends it in clear in every request's query string and the sign
	// is keyed by the secret alone: WDT issues it as half of the confidential appsecret
	// "secret:salt" and checks it on every call, and users may paste the whole appsecret into
	// either field. So it is handled as a secret (never in errors, logs or output; the test suite's
	// leak check looks for it). The lint rule that warns about it guesses from the field name only.
	properties: INodeProperties[] = [
		{
			displayName: 'Seller Account (sid)',
			name: 'sid',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. wdtapi3',
			description: 'The seller account WDT assigned to your company',
		},
		{
			displayName: 'API Key (appkey)',
			name: 'key',
			type: 'string',
			default: '',
			required: true,
			description: 'The appkey of your app in the WDT open platform',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The part of the appsecret before the colon. You may paste the whole appsecret "secret:salt" here and leave Salt empty.',
		},
		// The salt is the second half of WDT's appsecret, as secret as the first.
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Salt',
			name: 'salt',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The part of the appsecret after the colon. Leave empty if you pasted "secret:salt" into Secret.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: WDT_ENDPOINTS.production,
				},
				{
					name: 'Test',
					value: 'test',
					description: WDT_ENDPOINTS.test,
				},
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'Another endpoint, such as a local WDT simulator',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8080/openapi',
			description: 'The full endpoint URL, ending in /openapi',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	// Signs every request, including those of n8n's HTTP Request node using this credential.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signHttpRequest(credentials, requestOptions, Date.now());
	}

	// system.Core.now is cheap and read-only. WDT answers errors with HTTP 200, so each failure
	// class is recognized from the reply body.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '',
			qs: { method: 'system.Core.now' },
			body: '[]',
			headers: { 'Content-Type': 'application/json; charset=utf-8' },
		},
		rules: CREDENTIAL_TEST_REPLIES.map(({ field, value, kind }) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: field, value, message: credentialProblem(kind) },
		})),
	};
}
