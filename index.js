// Package entry: n8n loads the node and credential through package.json's "n8n" section.
module.exports = {};
