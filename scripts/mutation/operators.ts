import ts from 'typescript';

/** One change to one source file: the text between `start` and `end` becomes `replacement`. */
export interface Mutant {
  /** Stable name: `file:line:column operator`. */
  readonly id: string;
  /** Path relative to the repository root, with forward slashes. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly operator: string;
  readonly original: string;
  readonly replacement: string;
}

const binarySwaps: ReadonlyMap<ts.SyntaxKind, readonly string[]> = new Map([
  [ts.SyntaxKind.LessThanToken, ['<=', '>=']],
  [ts.SyntaxKind.LessThanEqualsToken, ['<', '>']],
  [ts.SyntaxKind.GreaterThanToken, ['>=', '<=']],
  [ts.SyntaxKind.GreaterThanEqualsToken, ['>', '<']],
  [ts.SyntaxKind.EqualsEqualsEqualsToken, ['!==']],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken, ['===']],
  [ts.SyntaxKind.EqualsEqualsToken, ['!=']],
  [ts.SyntaxKind.ExclamationEqualsToken, ['==']],
  [ts.SyntaxKind.AmpersandAmpersandToken, ['||']],
  [ts.SyntaxKind.BarBarToken, ['&&']],
  [ts.SyntaxKind.QuestionQuestionToken, ['&&']],
  [ts.SyntaxKind.PlusToken, ['-']],
  [ts.SyntaxKind.MinusToken, ['+']],
  [ts.SyntaxKind.AsteriskToken, ['/']],
  [ts.SyntaxKind.SlashToken, ['*']],
  [ts.SyntaxKind.PercentToken, ['*']],
]);

const methodSwaps: ReadonlyMap<string, string> = new Map([
  ['startsWith', 'endsWith'],
  ['endsWith', 'startsWith'],
  ['some', 'every'],
  ['every', 'some'],
  ['min', 'max'],
  ['max', 'min'],
  ['trimStart', 'trimEnd'],
  ['trimEnd', 'trimStart'],
]);

function insideType(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at !== undefined; at = at.parent) {
    if (ts.isTypeNode(at) || ts.isTypeAliasDeclaration(at) || ts.isInterfaceDeclaration(at)) return true;
  }
  return false;
}

/**
 * Every mutant of one TypeScript source: relational and equality operators flipped, `&&`/`||`/`??` swapped,
 * arithmetic swapped, `!` removed, conditions negated, boolean literals flipped, call statements removed, the
 * body of an `if` emptied, `++`/`--` swapped, and look-alike methods swapped (startsWith/endsWith, some/every,
 * min/max, trimStart/trimEnd). Sites inside type positions are skipped.
 */
export function findMutants(file: string, source: string): readonly Mutant[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const mutants: Mutant[] = [];
  const add = (start: number, end: number, operator: string, replacement: string) => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
    mutants.push({
      id: `${file}:${line + 1}:${character + 1} ${operator}`,
      file,
      start,
      end,
      line: line + 1,
      column: character + 1,
      operator,
      original: source.slice(start, end),
      replacement,
    });
  };
  const negate = (condition: ts.Expression) => {
    add(condition.getStart(), condition.getEnd(), 'negate condition', `!(${condition.getText()})`);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isBinaryExpression(node) && !insideType(node)) {
      const token = node.operatorToken;
      for (const replacement of binarySwaps.get(token.kind) ?? []) {
        add(token.getStart(), token.getEnd(), `${token.getText()} -> ${replacement}`, replacement);
      }
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      add(node.getStart(), node.operand.getStart(), 'remove !', '');
    }
    if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
    ) {
      const text = node.operator === ts.SyntaxKind.PlusPlusToken ? '++' : '--';
      const other = text === '++' ? '--' : '++';
      const at = ts.isPrefixUnaryExpression(node) ? node.getStart() : node.operand.getEnd();
      add(at, at + 2, `${text} -> ${other}`, other);
    }
    if (ts.isIfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) negate(node.expression);
    if (ts.isForStatement(node) && node.condition !== undefined) negate(node.condition);
    if (ts.isConditionalExpression(node)) negate(node.condition);
    if (ts.isIfStatement(node) && ts.isBlock(node.thenStatement) && node.thenStatement.statements.length > 0) {
      add(node.thenStatement.getStart(), node.thenStatement.getEnd(), 'empty if body', '{}');
    }
    if (node.kind === ts.SyntaxKind.TrueKeyword && !insideType(node))
      add(node.getStart(), node.getEnd(), 'true -> false', 'false');
    if (node.kind === ts.SyntaxKind.FalseKeyword && !insideType(node))
      add(node.getStart(), node.getEnd(), 'false -> true', 'true');
    if (ts.isExpressionStatement(node)) {
      const expression = ts.isAwaitExpression(node.expression) ? node.expression.expression : node.expression;
      if (ts.isCallExpression(expression) && expression.expression.kind !== ts.SyntaxKind.SuperKeyword) {
        add(node.getStart(), node.getEnd(), 'remove call', ';');
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name;
      const swap = methodSwaps.get(name.text);
      if (swap !== undefined) add(name.getStart(), name.getEnd(), `${name.text} -> ${swap}`, swap);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return mutants.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}

/** The source with the mutant applied. */
export function applyMutant(
  source: string,
  mutant: Pick<Mutant, 'start' | 'end' | 'replacement' | 'original'>,
): string {
  const found = source.slice(mutant.start, mutant.end);
  if (found !== mutant.original) {
    throw new Error(
      `[tracespec] mutation: expected ${JSON.stringify(mutant.original)} at ${mutant.start}, found ${JSON.stringify(found)}; the source changed since the sample was drawn: run \`npm run mutation -- --resample\``,
    );
  }
  return source.slice(0, mutant.start) + mutant.replacement + source.slice(mutant.end);
}
