import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { StreamingMultipartBody } from '../multipart/multipartBody';

/** The exact request a send would make, with the token hidden: the output of a dry run. */
export function describeRequest(request: IHttpRequestOptions, apiBase: string): IDataObject {
	const body = request.body;
	const multipart = body instanceof StreamingMultipartBody;
	return {
		dryRun: true,
		request: {
			method: request.method, // every route names its method
			url: `${apiBase}/${request.url}`,
			headers: {
				...(request.headers ?? {}),
				Authorization: 'Bearer [redacted]',
				'Content-Type': multipart ? 'multipart/form-data' : 'application/json',
			},
			...(multipart ? { multipart: body.describe() } : { body: body as IDataObject }),
		},
	};
}
