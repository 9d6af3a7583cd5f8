// `npm run lint` (scripts/lint.js runs it with --config): the sources, package.json and the built
// dist/ with n8n's own rules, as n8n's verification scanner lints the tarball: the community-node
// plugin (n8n Cloud rules) and eslint-plugin-n8n-nodes-base (community, nodes, credentials), inline
// config refused. eslint.config.mjs stays n8n's default (what `n8n-node cloud-support` asks for);
// what that default does not cover lives here.
const tseslint = require('typescript-eslint');
const { n8nCommunityNodesPlugin } = require('@n8n/eslint-plugin-community-nodes');
const n8nNodesBase = require('eslint-plugin-n8n-nodes-base');

const base = n8nNodesBase.configs;
const recommended = n8nCommunityNodesPlugin.configs.recommended;

module.exports = [
	{ ignores: ['node_modules/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', 'coverage/**', 'gulpfile.js', 'jest.config.js', 'index.js', '.dev/**'] },
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: { ...recommended.plugins, 'n8n-nodes-base': n8nNodesBase },
		rules: { ...recommended.rules, ...base.community.rules },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'dist/**/*.js'],
		languageOptions: { parser: tseslint.parser, sourceType: 'module' },
		linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' },
		plugins: { ...recommended.plugins, 'n8n-nodes-base': n8nNodesBase },
		rules: { ...recommended.rules },
	},
	{
		files: ['nodes/**/*.ts', 'dist/nodes/**/*.js'],
		rules: {
			...base.nodes.rules,
			// Superseded by the verification plugin's node-connection-type-literal, which requires NodeConnectionTypes.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts', 'dist/credentials/**/*.js'],
		rules: {
			...base.credentials.rules,
			// Applies to n8n's main repository only (its docs slugs); community credentials link a URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		// Compiled files end in .js; the rule asks for the .node.ts name of the source.
		files: ['dist/**/*.js'],
		rules: { 'n8n-nodes-base/node-filename-against-convention': 'off' },
	},
];
