'use strict';
/*
 * Everything that drives the real n8n application (provisioned by scripts/provision.js) for the
 * end-to-end test, `npm run dev` and the screenshots, in one require. Each idea lives in its own
 * module:
 *   package.js     names, build, npm pack, install the tarball as n8n installs community packages
 *   credential.js  the credential file n8n imports (Platform URL, Workspace Subdomain, API Token)
 *   n8n-cli.js     one-shot CLI commands (import, execute, publish) and their environment
 *   n8n-server.js  `n8n start`: ports, readiness, webhook registration, stopping it
 *   n8n-rest.js    the internal REST API (owner setup, login)
 */
module.exports = {
	...require('./package'),
	...require('./credential'),
	...require('./n8n-cli'),
	...require('./n8n-server'),
	...require('./n8n-rest'),
};
