// Lint Cypher files with Neo4j's own parser and semantic analysis
// (@neo4j-cypher/language-support, pinned in package.json).
// Usage: node tests/lint/lint_cypher.mjs FILE...
// Prints one JSON object: {"files": N, "errors": [{file, line, column, message}], "warnings": [...]}
// and exits 1 when there is any error.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const ERROR = 1; // LSP DiagnosticSeverity.Error
const errors = [];
const warnings = [];
const files = process.argv.slice(2);

for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    errors.push({ file, line: 0, column: 0, message: `cannot read: ${e.message}` });
    continue;
  }
  let diagnostics = [];
  try {
    ({ diagnostics } = lintCypherQuery(text, {}, { consoleCommandsEnabled: false }));
  } catch (e) {
    errors.push({ file, line: 0, column: 0, message: `linter crashed: ${e.message}` });
    continue;
  }
  for (const d of diagnostics) {
    // parameters arrive at run time: the linter's "Parameter $x is not defined." is not an error here
    if (d.message.startsWith('Parameter ') && d.message.endsWith(' is not defined.')) continue;
    const item = {
      file,
      line: (d.range?.start?.line ?? 0) + 1,
      column: (d.range?.start?.character ?? 0) + 1,
      message: d.message,
    };
    (d.severity === ERROR ? errors : warnings).push(item);
  }
}

process.stdout.write(JSON.stringify({ files: files.length, errors, warnings }, null, 1) + '\n');
process.exit(errors.length ? 1 : 0);
