/**
 * A real ICredentialsHelper, following n8n cli's CredentialsHelper
 * (packages/cli/src/credentials-helper.ts) without its database:
 *
 * - getDecrypted() finds the stored credential by id (else by type), and applies the credential
 *   type's defaults (NodeHelpers.getNodeParameters) and resolves `={{ … }}` expressions in its
 *   fields, as `applyDefaultsAndOverwrites` does. Every call returns a fresh copy, as decrypting
 *   does in n8n, so a node that mutates its credentials cannot affect a later call.
 * - authenticate() calls the credential type's `authenticate` function, or applies the generic
 *   `IAuthenticateGeneric` object form (`{ type: 'generic', properties: { headers|qs|body|auth } }`
 *   with `={{$credentials.x}}` expressions resolved through the workflow's expression engine).
 * - preAuthentication() runs the type's `preAuthentication` for an empty or expired `expirable`
 *   hidden property, and keeps the result in memory (n8n writes it to the database).
 */
import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	deepCopy,
	isExpression,
} from 'n8n-workflow';

import type { HarnessCredentialTypes, HarnessNodeTypes } from './node-types';
import { NO_OP_NODE_TYPE } from './node-types';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** What a test passes: data by credential type, or full entries with ids. */
export type CredentialsInput = Record<string, ICredentialDataDecryptedObject> | StoredCredential[];

export function normalizeCredentials(input: CredentialsInput | undefined): StoredCredential[] {
	if (!input) return [];
	if (Array.isArray(input)) return input.map((entry) => ({ ...entry, data: deepCopy(entry.data) }));
	return Object.entries(input).map(([type, data]) => ({
		id: `${type}-id`,
		name: `${type} (test)`,
		type,
		data: deepCopy(data),
	}));
}

class InMemoryCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private stored: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return deepCopy(this.stored);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: undefined };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.stored = deepCopy(data);
	}

	async updateData(toUpdate: Partial<ICredentialDataDecryptedObject>, toDelete: string[] = []): Promise<void> {
		this.stored = { ...this.stored, ...(toUpdate as ICredentialDataDecryptedObject) };
		for (const key of toDelete) delete this.stored[key];
	}
}

const mockNode: INode = {
	id: 'credentials-mock',
	name: '',
	typeVersion: 1,
	type: NO_OP_NODE_TYPE,
	position: [0, 0],
	parameters: {},
};

export interface AuthenticateCall {
	typeName: string;
	/** The request as the node built it, before the credential touched it. */
	before: IHttpRequestOptions;
	/** The request as authenticate() returned it. */
	after: IHttpRequestOptions;
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	private stored: StoredCredential[] = [];

	/** Every authenticate() call, in order: proof that requests went through the credential. */
	readonly authenticateCalls: AuthenticateCall[] = [];

	constructor(
		private readonly credentialTypes: HarnessCredentialTypes,
		private readonly nodeTypes: HarnessNodeTypes,
	) {
		super();
	}

	setCredentials(credentials: StoredCredential[]): void {
		this.stored = credentials.map((entry) => ({ ...entry, data: deepCopy(entry.data) }));
	}

	/** The stored (raw, undecorated) credential a node reference points at. */
	find(nodeCredentials: INodeCredentialsDetails | undefined, type: string): StoredCredential | undefined {
		if (nodeCredentials?.id) {
			const byId = this.stored.find((entry) => entry.id === nodeCredentials.id && entry.type === type);
			if (byId) return byId;
		}
		return this.stored.find((entry) => entry.type === type);
	}

	firstOfType(type: string): StoredCredential | undefined {
		return this.stored.find((entry) => entry.type === type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const before = deepCopy(incomingRequestOptions) as IHttpRequestOptions;
		const after = await this.applyAuthentication(credentials, typeName, incomingRequestOptions, workflow, node);
		this.authenticateCalls.push({ typeName, before, after: deepCopy(after) });
		return after;
	}

	private async applyAuthentication(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const { authenticate } = credentialType;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate && typeof authenticate === 'object') {
			if (!workflow || !node) {
				throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
			}
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			if (authenticate.type === 'generic') {
				const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
				for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
					for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
						const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
						const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
						if (!target[outerKey]) target[outerKey] = {};
						target[outerKey][keyResolved] = valueResolved;
					}
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const value = workflow.expression.getSimpleParameterValue(node, parameterValue, 'internal', additionalKeys, undefined, '');
		return value ? String(value) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable?.name === undefined || typeof credentialType.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === NO_OP_NODE_TYPE;
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const stored = this.find(node.credentials?.[typeName], typeName);
		if (stored) stored.data = { ...stored.data, ...(output as ICredentialDataDecryptedObject) };
		return Object.assign(credentials, output as ICredentialDataDecryptedObject);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const type = this.credentialTypes.getByName(credentialType);
		if (!type.restrictToSupportedNodes) return true;
		return (type.supportedNodes ?? []).some((name) => this.nodeTypes.fullName(name) === nodeType || name === nodeType);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.find(nodeCredentials, type);
		if (!stored) throw new UnexpectedError(`No credential of type "${type}" is stored in the harness`);
		return new InMemoryCredentials({ id: stored.id, name: stored.name }, type, stored.data);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.find(nodeCredentials, type);
		if (!stored) {
			// n8n's CredentialNotFoundError message
			throw new UnexpectedError(`Credential with ID "${nodeCredentials.id}" does not exist for type "${type}".`);
		}
		if (raw === true) return deepCopy(stored.data);
		return this.applyDefaults(additionalData, stored.data, type, mode);
	}

	/** cli CredentialsHelper.applyDefaultsAndOverwrites, without overwrites (none are configured). */
	applyDefaults(
		additionalData: IWorkflowExecuteAdditionalData,
		data: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(
			properties,
			deepCopy(data) as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (data.oauthTokenData !== undefined) withDefaults.oauthTokenData = deepCopy(data.oauthTokenData);

		const workflow = new Workflow({ nodes: [{ ...mockNode }], connections: {}, active: false, nodeTypes: this.nodeTypes });
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		return workflow.expression.getComplexParameterValue(
			mockNode,
			withDefaults as INodeParameters,
			mode,
			additionalKeys,
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialTypes.getByName(type);
		if (credentialType.extends === undefined) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		if (stored) stored.data = deepCopy(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		if (stored) stored.data = { ...stored.data, oauthTokenData: deepCopy(data.oauthTokenData) };
	}
}
