import ts from 'typescript';

/**
 * The syntax errors of a mutated source (empty when it parses). A mutant that does not parse is excluded from the
 * score. Type errors are not checked (as in Stryker without its TypeScript checker): a negated guard often breaks
 * the compiler's narrowing while being a perfectly runnable change the tests should notice.
 */
export function syntaxErrors(file: string, code: string): readonly string[] {
  const output = ts.transpileModule(code, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  });
  return (output.diagnostics ?? []).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}
