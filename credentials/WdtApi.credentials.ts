import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	CREDENTIAL_FIELD_HINTS,
	CREDENTIAL_TEST_HEADER,
	CREDENTIAL_TEST_REPLIES,
	signHttpRequest,
	takeCredentialTestMarker,
	WDT_DEADLINES,
	WDT_ENDPOINTS,
} from '../nodes/shared/protocol';

export class WdtApi implements ICredentialType {
	name = 'wdtApi';

	// n8n's "Add new credential" search matches the display name only (both 1.x and 2.x), so the
	// vendor's own names, pinyin and Chinese, are in it: users search for 旺店通.
	displayName = 'WDT (Wangdiantong 旺店通) API';

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
			hint: CREDENTIAL_FIELD_HINTS.environment,
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
			description: 'The full endpoint URL, ending in /openapi, such as a local WDT simulator',
			// Shown under the field: n8n words connection failures itself, so say here what they mean.
			hint: CREDENTIAL_FIELD_HINTS.baseUrl,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	// Signs every request, including those of n8n's HTTP Request node using this credential.
	// Unusable fields (empty salt with a colon-less secret, a malformed Base URL) fail here,
	// before anything is sent, with a message naming the field.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const signed = signHttpRequest(credentials, requestOptions, Date.now());
		if (takeCredentialTestMarker(signed.headers as Record<string, unknown>)) {
			// n8n's credential tester would wait 300 s; the whole test ends within this deadline.
			const deadline = AbortSignal.timeout(WDT_DEADLINES.credentialTestMs);
			const cancel = requestOptions.abortSignal as AbortSignal | undefined;
			signed.abortSignal = cancel ? AbortSignal.any([cancel, deadline]) : deadline;
			signed.timeout = WDT_DEADLINES.credentialTestMs;
		}
		return signed;
	}

	// system.Core.now is cheap and read-only. WDT answers errors with HTTP 200, and other HTTP
	// codes come back as replies too, so every failure is recognized from the reply body: the
	// test passes only on a JSON object with a numeric status that no rule names (0 on WDT).
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '',
			qs: { method: 'system.Core.now' },
			body: '[]',
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				[CREDENTIAL_TEST_HEADER]: '1',
			},
			ignoreHttpStatusErrors: true,
		},
		rules: CREDENTIAL_TEST_REPLIES.map(({ path, value, message }) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: path, value, message },
		})),
	};
}
