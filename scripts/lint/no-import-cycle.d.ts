import type { Rule } from 'eslint';

/** Types for `no-import-cycle.js` (plain JS so that eslint.config.js can load it in Node). */
declare const rule: Rule.RuleModule;
export default rule;
