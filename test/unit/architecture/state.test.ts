// No module-level mutable state in the core: data flows in arguments. A core module may keep readonly constants,
// and memo tables of pure functions (marked `// Memo:`), whose entries never change what any function returns.
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { type SourceFile, sourceFiles } from '../../support/sourceGraph.ts';

const CORE = new Set(['model', 'query', 'check', 'render', 'propagation', 'snapshot']);

/** What a core module holds at its top level that could change between calls, one line per finding. */
function mutableState(file: Pick<SourceFile, 'path' | 'text'>): string[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExpressionStatement(statement)) {
      found.push(`${file.path}: a statement runs on import: ${statement.getText().slice(0, 60)}`);
      continue;
    }
    if (!ts.isVariableStatement(statement)) continue;
    const flags = statement.declarationList.flags;
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText();
      if (!(flags & ts.NodeFlags.Const)) {
        found.push(`${file.path}: \`${name}\` is a module-level ${flags & ts.NodeFlags.Let ? 'let' : 'var'}`);
        continue;
      }
      if (!isMutableValue(declaration.initializer) || isReadonlyType(declaration.type)) continue;
      if (isMarkedMemo(statement, source)) continue;
      found.push(`${file.path}: \`${name}\` is a mutable ${describeValue(declaration.initializer)} at module level`);
    }
  }
  return found;
}

function isMutableValue(initializer: ts.Expression | undefined): boolean {
  if (initializer === undefined) return false;
  if (ts.isAsExpression(initializer)) {
    return !(ts.isTypeReferenceNode(initializer.type) && initializer.type.getText() === 'const');
  }
  if (ts.isCallExpression(initializer) && initializer.expression.getText() === 'Object.freeze') return false;
  if (ts.isArrayLiteralExpression(initializer) || ts.isObjectLiteralExpression(initializer)) return true;
  return ts.isNewExpression(initializer) && /^(Weak)?(Map|Set)$|^Array$/.test(initializer.expression.getText());
}

function isReadonlyType(type: ts.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  const text = type.getText();
  return (
    /^(Readonly(Map|Set|Array)?<|readonly )/.test(text) || (ts.isTypeOperatorNode(type) && text.startsWith('readonly'))
  );
}

function isMarkedMemo(statement: ts.Statement, source: ts.SourceFile): boolean {
  const comments = ts.getLeadingCommentRanges(source.text, statement.getFullStart()) ?? [];
  return comments.some((range) => /\bMemo:/.test(source.text.slice(range.pos, range.end)));
}

function describeValue(initializer: ts.Expression | undefined): string {
  if (initializer === undefined) return 'value';
  if (ts.isNewExpression(initializer)) return initializer.expression.getText();
  return ts.isArrayLiteralExpression(initializer) ? 'array' : 'object';
}

describe('module-level state in the core', () => {
  // Parses every source file: seconds of CPU on a busy machine, and speed is not what this checks.
  test('none: constants are readonly, caches are memo tables of pure functions', { timeout: 60_000 }, () => {
    // render/html/client/ is the report page's own script, bundled into the page and run by the browser once per
    // page: its entry starts the page on import, which is its job.
    const core = sourceFiles().filter((file) => CORE.has(file.folder) && !file.path.startsWith('render/html/client/'));
    expect(core.length).toBeGreaterThan(100);
    expect(core.flatMap(mutableState)).toEqual([]);
  });

  test('the rule catches a registry, a let and an import-time statement', () => {
    const registry = [
      'const LATEST = new Map<string, WeakRef<Trace>>();',
      'let count = 0;',
      'globalThis.x = 1;',
      'const KINDS = { server: 1 };',
      'const NAMES: readonly string[] = ["a"];',
      'const SEEN: ReadonlySet<string> = new Set(["a"]);',
      'const FROZEN = Object.freeze({ a: 1 });',
      'const TUPLE = ["a"] as const;',
      '// Memo: parsed selectors by text (a pure function of the text).\nconst cache = new Map<string, object>();',
    ].join('\n');
    expect(mutableState({ path: 'model/example.ts', text: registry })).toEqual([
      'model/example.ts: `LATEST` is a mutable Map at module level',
      'model/example.ts: `count` is a module-level let',
      'model/example.ts: a statement runs on import: globalThis.x = 1;',
      'model/example.ts: `KINDS` is a mutable object at module level',
    ]);
  });
});
