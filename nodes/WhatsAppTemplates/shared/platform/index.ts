/**
 * The platform's table: the ONE place that names WhatsMark SaaS API v1's paths, wire fields,
 * answer keys and limits (CONTRACT.md). A wire rename is a change here (and in the sandbox's
 * own table, test/sandbox/platform.js), nowhere else.
 */
export * from './send';
export * from './answers';
export * from './templates';
