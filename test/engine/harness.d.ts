import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IRunData,
	ITaskData,
	IVersionedNodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export type BinaryMode = 'filesystem' | 'default';

export interface EngineInfo {
	/** N8N_USER_FOLDER in use (a temp dir unless it was already set). */
	userFolder: string;
	binaryMode: BinaryMode;
}

/**
 * Once per process (idempotent). Sets N8N_USER_FOLDER (temp dir), N8N_ENCRYPTION_KEY,
 * N8N_LOG_LEVEL=silent unless already set, installs the capturing logger, and inits
 * BinaryDataService in `binaryMode` (default 'filesystem'). Calling again with the other
 * mode switches modes in place; binaries stored earlier stay readable.
 */
export function setupEngine(options?: { binaryMode?: BinaryMode }): Promise<EngineInfo>;

/** Optional: resets the DI container and removes the temp user folder. The exit hook does the latter anyway. */
export function teardownEngine(): Promise<void>;

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface RunNodeOptions {
	/** INodeType (or versioned) instance. DirectoryLoader.applyDeclarativeNodeOptionParameters is applied to it (idempotently). */
	nodeType: INodeType | IVersionedNodeType;
	/** Default: 'test.' + description.name */
	typeName?: string;
	/** Default: the latest version. */
	typeVersion?: number;
	/** Default: description.defaults.name */
	nodeName?: string;
	credentialTypes?: ICredentialType[];
	/** Decrypted credential data keyed by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	parameters?: INodeParameters;
	/** Input items (pinned as the Manual Trigger's output). Default: [{ json: {} }]. */
	items?: INodeExecutionData[];
	/** Default 'stopWorkflow' (n8n's default: the property is left unset). */
	onError?: OnError;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	disabled?: boolean;
	/** Default 'manual' (the editor's "Execute workflow"). */
	mode?: WorkflowExecuteMode;
}

export interface RunNodeResult {
	/** The node's output, one array per output (continueErrorOutput: [success, error]). Undefined when the node failed. */
	outputs: INodeExecutionData[][] | undefined;
	/**
	 * The node's error: the instance it threw (NodeApiError / NodeOperationError, caught where
	 * WorkflowExecute hands it to n8n's ErrorReporter), else `recordedError`. Set also when
	 * onError continues (the engine records the error on the task and forwards the input).
	 */
	error: (Error & IDataObject) | undefined;
	/** What the engine stored in the run data: a plain-object copy `{ ...error, message, stack }` (instanceof fails; use `.name`). */
	recordedError: IDataObject | undefined;
	runData: IRunData;
	run: IRun;
	/**
	 * Every log line (LoggerProxy, node `this.logger`, n8n's ErrorReporter, sendDataToUI) received
	 * while this run was in progress, whatever the log level. Concurrent runs share lines.
	 */
	logs: string[];
	executionId: string;
	nodeName: string;
	typeName: string;
}

export function runNode(options: RunNodeOptions): Promise<RunNodeResult>;

export interface RunWorkflowOptions {
	/** Node type instances by full type name. 'n8n-nodes-base.manualTrigger' and '.stickyNote' stand-ins are built in. */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes?: ICredentialType[];
	/** Decrypted credential data keyed by credential type name (the node's credential ids are ignored). */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	startNodeName?: string;
	/** Merged over the workflow's own pinData. */
	pinData?: Record<string, INodeExecutionData[]>;
	/** Default 'manual'. */
	mode?: WorkflowExecuteMode;
}

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: IDataObject[];
	connections: IDataObject;
	settings?: IDataObject;
	pinData?: Record<string, INodeExecutionData[]>;
	staticData?: IDataObject;
	[key: string]: unknown;
}

export interface RunWorkflowResult {
	/** Output of the last node executed. */
	outputs: INodeExecutionData[][] | undefined;
	/** Output of every node that ran (its last run). */
	nodeOutputs: Record<string, INodeExecutionData[][] | undefined>;
	/** The instance the last executed node threw (as in RunNodeResult.error), else run.data.resultData.error. */
	error: (Error & IDataObject) | undefined;
	/** run.data.resultData.error (plain-object copy). */
	recordedError: IDataObject | undefined;
	lastNodeExecuted: string | undefined;
	runData: IRunData;
	run: IRun;
	logs: string[];
	executionId: string;
}

export function runWorkflow(workflowJson: WorkflowJson, options?: RunWorkflowOptions): Promise<RunWorkflowResult>;

/**
 * IBinaryData made by n8n-core's prepareBinaryData in the current mode: 'filesystem' -> `id`
 * set (data is the mode marker); 'default' -> base64 in `data`. `{ size, fill? }` writes a
 * temp file in 1 MiB chunks and streams it in (fill: byte, string or Buffer pattern;
 * default a 0..250 byte ramp).
 */
export function storeBinary(
	input: Buffer | { size: number; fill?: number | string | Buffer },
	options?: { fileName?: string; mimeType?: string },
): Promise<IBinaryData>;

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** The editor's credential "Test" (CredentialsTester): the type's `test` request through RoutingNode, then its `rules`. */
export function credentialTest(options: {
	credentialType: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	credentialTypes?: ICredentialType[];
	nodeType?: INodeType | IVersionedNodeType;
}): Promise<CredentialTestResult>;

/** All log lines captured so far in this process. */
export function getLogs(): string[];

export type { ITaskData };

export interface CallNodeMethodOptions {
	nodeType: INodeType;
	typeName?: string;
	credentialTypes?: ICredentialType[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The editor's current parameters of the node. */
	parameters?: INodeParameters;
	kind: 'listSearch' | 'loadOptions' | 'resourceMapping';
	method: string;
	/** listSearch: [filter, paginationToken]. */
	args?: unknown[];
	path?: string;
}

/** Calls a node's editor method through n8n-core's LoadOptionsContext, as the editor's backend does. */
export function callNodeMethod<T = unknown>(options: CallNodeMethodOptions): Promise<T>;
