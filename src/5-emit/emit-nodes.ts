import ts from "../typescript.cjs";
import type { ConstantAccess } from "../3-analyze/const-enum.js";
import type { SharedAllocation } from "../3-analyze/shared-allocation.js";
import { declarationOf, isImportDeclaration, isTopLevel } from "../3-analyze/scope.js";
import type { AtomicPlan, CallValue, CriticalPlan, ModulePlan, OrderedPlan, RegionPlan, TeamPlan, VariableRef, WorksharePlan } from "../4-plan/types.js";
import { FACTORY_COMMENT } from "./factory-comment.js";
import { carryLeadingComments, detach, hasCommentAt, literalNode } from "./node-tools.js";
import { omp, regionNode, thread, type RegionNodeContext } from "./region-nodes.js";
import { barrierNode, guardedTeamBlock, workshareNodes, type TeamNodeContext } from "./team-nodes.js";

/** How the emitted JavaScript loads modules, which decides how a module tells the runtime where it is. */
export type ModuleFormat = "esm" | "commonjs";

/** What printing a module plan as nodes needs: the transformation it runs in, and the program's checker. */
export interface NodeEmitOptions {
  readonly context: ts.TransformationContext;
  readonly checker: ts.TypeChecker;
  /** The file's name as shown in region comments. */
  readonly file: string;
  readonly format: ModuleFormat;
}

/**
 * Prints a module plan as a transformed source file, with `context.factory`, for a tsc `before`
 * transformer: the same code as the text printer writes, minus TypeScript types. Code that stays
 * in the module keeps its original nodes; code that moves into the worker factory is the original
 * nodes too (so source maps and comments follow it), except that names of module-level bindings
 * become fresh identifiers there, bound by the factory's own parameters and declarations, so that
 * later transforms (CommonJS's `exports.x`, `mod_1.f`) leave them as written.
 */
export function emitNodes(plan: ModulePlan, sourceFile: ts.SourceFile, options: NodeEmitOptions): ts.SourceFile {
  return new ModuleNodePrinter(plan, sourceFile, options).print();
}

class ModuleNodePrinter {
  private readonly f: ts.NodeFactory;
  private readonly regions: Map<ts.Node, RegionPlan>;
  private readonly allocations: Map<ts.Node, SharedAllocation>;
  private readonly constants: Map<ts.Node, ConstantAccess>;
  private readonly criticals: Map<ts.Node, CriticalPlan>;
  private readonly ordered: Map<ts.Node, OrderedPlan>;
  private readonly atomics: Map<ts.Node, AtomicPlan>;
  private readonly atomicStatements: Set<ts.Node>;
  private readonly tracked = new Map<ts.Node, { readonly position: string; readonly variable: string }>();
  /** Offsets of every `@omp` that becomes `tsomp:`. */
  private readonly renamed: Set<number>;
  /** Offsets of `@omp` in directives without effect, whose statements stay. */
  private readonly inert: Set<number>;
  private readonly commented = new Set<ts.Node>();
  private readonly regionContext: RegionNodeContext;
  private readonly workshares: Map<ts.Node, WorksharePlan>;
  private readonly guardedBlocks: Map<ts.Node, Exclude<TeamPlan, { kind: "barrier" }>>;
  /** Barriers by the statement after them, and those last in a block by the block. */
  private readonly barriersBefore = new Map<ts.Node, Extract<TeamPlan, { kind: "barrier" }>[]>();
  private readonly barriersAtEnd = new Map<ts.Node, Extract<TeamPlan, { kind: "barrier" }>[]>();
  /** Offsets of `@omp` in barrier comments, which their own statements print. */
  private readonly barrierComments: Set<number>;
  private readonly teamContext: TeamNodeContext;

  constructor(
    private readonly plan: ModulePlan,
    private readonly sourceFile: ts.SourceFile,
    private readonly options: NodeEmitOptions,
  ) {
    this.f = options.context.factory;
    this.regions = new Map(plan.regions.map((r) => [r.statement, r]));
    this.allocations = new Map(plan.allocations.map((a) => [a.node, a]));
    this.constants = new Map(plan.constants.map((c) => [c.node, c]));
    this.criticals = new Map(plan.criticals.map((c) => [c.statement, c]));
    this.ordered = new Map(plan.ordered.map((o) => [o.statement, o]));
    this.atomics = new Map(plan.atomics.map((a) => [a.expression, a]));
    this.atomicStatements = new Set(plan.atomics.map((a) => a.directive.statement!));
    for (const r of plan.regions) {
      const levels = r.analysis.shape.levels;
      for (const t of r.analysis.trackedAssignments) this.tracked.set(t.node, { position: r.positionVariables.get(t.name)!, variable: levels[levels.length - 1]!.variable });
    }
    this.workshares = new Map(plan.workshares.map((w) => [w.statement, w]));
    this.guardedBlocks = new Map(plan.team.flatMap((c) => (c.kind === "barrier" ? [] : [[c.statement, c] as const])));
    for (const c of plan.team) {
      if (c.kind !== "barrier") continue;
      const map = c.follower ? this.barriersBefore : this.barriersAtEnd;
      const key = c.follower ?? c.container;
      map.set(key, [...(map.get(key) ?? []), c]);
    }
    this.barrierComments = new Set(plan.team.filter((c) => c.kind === "barrier").map((c) => c.directiveAt));
    this.inert = new Set(plan.renamed);
    this.renamed = new Set([
      ...plan.renamed, ...plan.regions.map((r) => r.directiveAt), ...plan.criticals.map((c) => c.directiveAt), ...plan.atomics.map((a) => a.directiveAt), ...plan.ordered.map((o) => o.directiveAt),
      ...plan.workshares.map((w) => w.directiveAt), ...plan.team.map((c) => c.directiveAt),
    ]);
    this.regionContext = { f: this.f, sourceFile, file: options.file, visitWorker: this.visitWorker, visitStatements: (b) => this.visitStatements(b), copyDeclaration: (n) => this.copyDeclaration(n) };
    this.teamContext = {
      f: this.f,
      visit: this.visitWorker,
      visitChildren: (n) => this.visitChildren(n),
      value: (v) => this.valueNode(v, undefined, true),
      carry: (from, to) => this.carry(from, to),
    };
  }

  /** The transformed file: the runtime import and registration after the prologue and imports, the factory last. */
  print(): ts.SourceFile {
    const statements = this.sourceFile.statements.map((s) => this.visitModule(s) as ts.Statement);
    let prologue = 0;
    while (prologue < statements.length && isPrologueDirective(statements[prologue]!)) prologue++;
    let imports = prologue;
    while (imports < statements.length && (ts.isImportDeclaration(statements[imports]!) || ts.isImportEqualsDeclaration(statements[imports]!))) imports++;
    const regions = this.plan.regions.length > 0;
    const needsRuntime = regions || this.plan.allocations.length > 0 || this.plan.criticals.length > 0 || this.plan.atomics.length > 0;
    const header = needsRuntime ? [this.runtimeImport()] : [];
    if (header.length > 0 && prologue === 0) this.moveFileComments(statements[0], header[0]!);
    return this.f.updateSourceFile(this.sourceFile, [
      ...statements.slice(0, prologue),
      ...header,
      ...statements.slice(prologue, imports),
      ...(regions ? [this.registration()] : []),
      ...statements.slice(imports),
      ...(regions ? [this.factoryDeclaration()] : []),
    ]);
  }

  /** The comments above the file's first statement (its description) stay above the runtime import placed before it. */
  private moveFileComments(first: ts.Statement | undefined, runtimeImport: ts.Statement): void {
    const original = this.sourceFile.statements[0];
    if (!first || !original || this.regions.has(original) || this.commented.has(first)) return;
    carryLeadingComments(original, runtimeImport, this.sourceFile, this.renamed);
    ts.setEmitFlags(first, ts.EmitFlags.NoLeadingComments);
  }

  /** Visits code that stays in the module. */
  private readonly visitModule = (node: ts.Node): ts.Node => this.rewrite(node, false) ?? this.renameComments(node, ts.visitEachChild(node, this.visitModule, this.options.context));

  /** Visits code that moves into the worker factory: module-level names become fresh identifiers. */
  private readonly visitWorker = (node: ts.Node): ts.Node => {
    if (ts.isIdentifier(node) && this.isModuleBinding(node)) return ts.setTextRange(this.f.createIdentifier(node.text), node);
    const constant = this.constants.get(node);
    if (constant) return ts.setTextRange(this.constantNode(constant), node);
    const out = this.teamRewrite(node) ?? this.rewrite(node, true) ?? this.renameComments(node, this.visitChildren(node));
    const barriers = this.barriersBefore.get(node);
    if (!barriers) return out;
    if (!this.commented.has(out)) this.carry(node, Array.isArray(out) ? out[0] : out);
    // A visitor may return several statements for one in a list (ts.visitNodes flattens them).
    return [...barriers.map((b) => barrierNode(this.f, b.source)), ...(Array.isArray(out) ? out : [out])] as unknown as ts.Node;
  };

  /** A node's children, visited as worker code; a block or case that ends with barriers gets them last. */
  private visitChildren(node: ts.Node): ts.Node {
    const visited = ts.visitEachChild(node, this.visitWorker, this.options.context);
    // A barrier last in a case is written before the switch's closing brace: the clauses, as a plain array, keep the printer from printing its comment there again.
    if (ts.isCaseBlock(node) && node.clauses.some((c) => this.barriersAtEnd.has(c))) return this.f.updateCaseBlock(visited as ts.CaseBlock, [...(visited as ts.CaseBlock).clauses]);
    if (!this.barriersAtEnd.has(node)) return visited;
    if (ts.isBlock(node)) return this.f.updateBlock(visited as ts.Block, this.visitStatements(node));
    if (ts.isCaseClause(visited)) return this.f.updateCaseClause(visited, visited.expression, [...visited.statements, ...this.endBarriers(node)]);
    if (ts.isDefaultClause(visited)) return this.f.updateDefaultClause(visited, [...visited.statements, ...this.endBarriers(node)]);
    return visited;
  }

  /**
   * A block's statements, visited as worker code, with the barriers written last in it. A plain
   * array (no positions), so that the printer does not print the comments before the closing brace
   * again from the source (a barrier's among them).
   */
  private visitStatements(block: ts.Block): ts.Statement[] {
    const statements = ts.visitNodes(block.statements, this.visitWorker, ts.isStatement);
    return [...statements, ...this.endBarriers(block)];
  }

  private endBarriers(container: ts.Node): ts.Statement[] {
    return (this.barriersAtEnd.get(container) ?? []).map((b) => barrierNode(this.f, b.source));
  }

  /** A `for`, `single` or `masked` of a `parallel` block as the statements that replace it (several, where a list holds it). */
  private teamRewrite(node: ts.Node): ts.Node | undefined {
    const w = this.workshares.get(node);
    const c = w ? undefined : this.guardedBlocks.get(node);
    const out = w ? workshareNodes(w, this.teamContext) : c ? guardedTeamBlock(c, this.teamContext) : undefined;
    if (!out) return undefined;
    for (const s of out) this.commented.add(s);
    return (out.length === 1 ? out[0] : out) as ts.Node;
  }

  /** Gives `to` the comments before `from`, renamed, but not a barrier's (its own statement prints it). */
  private carry(from: ts.Node, to: ts.Node): void {
    carryLeadingComments(from, to, this.sourceFile, this.renamed, this.barrierComments);
    this.commented.add(to);
  }

  /** The replacement for a loop, a critical construct, an allocation or a tracked assignment; undefined for other nodes. */
  private rewrite(node: ts.Node, inWorker: boolean): ts.Node | undefined {
    const f = this.f;
    const visit = inWorker ? this.visitWorker : this.visitModule;
    const region = this.regions.get(node);
    if (region) return this.callStatement(region, inWorker);
    const critical = this.criticals.get(node);
    if (critical) return this.guardedBlock(critical.statement, omp(f, "enterCritical"), omp(f, "exitCritical"), [f.createNumericLiteral(critical.slot)], [f.createNumericLiteral(critical.slot)], visit);
    const ordered = this.ordered.get(node);
    if (ordered) return this.guardedBlock(ordered.statement, thread(f, "orderedEnter"), thread(f, "orderedExit"), [f.createIdentifier(ordered.variable)], [], visit);
    const atomic = this.atomics.get(node);
    if (atomic) return ts.setTextRange(this.atomicCall(atomic, visit), { pos: node.getStart(this.sourceFile), end: node.end });
    if (this.atomicStatements.has(node)) {
      // The statement stays, its expression rewritten; its comments (the directive) come back renamed.
      const statement = ts.visitEachChild(node, visit, this.options.context);
      ts.setTextRange(statement, { pos: node.getStart(this.sourceFile), end: node.end });
      carryLeadingComments(node, statement, this.sourceFile, this.renamed);
      return statement;
    }
    const allocation = this.allocations.get(node);
    if (allocation) return ts.setSourceMapRange(this.allocationNode(allocation, visit), node);
    const tracked = this.tracked.get(node);
    if (tracked) {
      const position = f.createAssignment(f.createIdentifier(tracked.position), f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier("__omp_t"), "position"), undefined, [f.createIdentifier(tracked.variable)]));
      return f.createParenthesizedExpression(f.createComma(position, ts.visitEachChild(node, visit, this.options.context) as ts.Expression));
    }
    return undefined;
  }

  /** A statement whose comments hold an inert directive gets them back with `@omp` renamed. */
  private renameComments(original: ts.Node, out: ts.Node): ts.Node {
    if (!this.commented.has(out) && ts.isStatement(original) && hasCommentAt(original, this.sourceFile, this.inert)) {
      carryLeadingComments(original, out, this.sourceFile, this.renamed);
      this.commented.add(out);
    }
    return out;
  }

  /** A const-enum member access as its value, `5 /* Mode.B *_/`, as tsc writes it (which it cannot do in worker code, whose names are fresh). */
  private constantNode(c: ConstantAccess): ts.Expression {
    const f = this.f;
    const v = c.value;
    const literal = typeof v === "string" ? f.createStringLiteral(v) : v < 0 ? f.createPrefixMinus(f.createNumericLiteral(-v)) : f.createNumericLiteral(v);
    ts.addSyntheticTrailingComment(literal, ts.SyntaxKind.MultiLineCommentTrivia, ` ${c.text} `, false);
    return c.parenthesized ? f.createParenthesizedExpression(literal) : literal;
  }

  /** True for a name that refers to a binding declared at the top level of this module, or imported. */
  private isModuleBinding(id: ts.Identifier): boolean {
    const checker = this.options.checker;
    const parent = id.parent;
    const symbol = parent && ts.isShorthandPropertyAssignment(parent) && parent.name === id ? checker.getShorthandAssignmentValueSymbol(parent) : checker.getSymbolAtLocation(id);
    const d = symbol && declarationOf(symbol);
    return !!d && d.getSourceFile() === this.sourceFile && (isImportDeclaration(d) || isTopLevel(d));
  }

  /** `__omp.parallelFor(__omp_regions, index, …values)`, assigned to the loop's outputs. */
  private callStatement(region: RegionPlan, inWorker: boolean): ts.Statement {
    const f = this.f;
    const args = [f.createIdentifier("__omp_regions"), f.createNumericLiteral(region.index), ...region.values.map((v) => this.valueNode(v, region, inWorker))];
    const call = f.createCallExpression(omp(f, region.analysis.shape.levels.length === 0 ? "parallel" : "parallelFor"), undefined, args);
    const outputs = region.outputs.map((o) => this.variable(o, inWorker));
    let statement: ts.Statement;
    if (outputs.length === 0) statement = f.createExpressionStatement(call);
    else if (outputs.length === 1) statement = f.createExpressionStatement(f.createAssignment(outputs[0]!, call));
    else {
      const declaration = f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration("__omp_out", undefined, undefined, call)], ts.NodeFlags.Const));
      const assignments = outputs.map((o, i) => f.createExpressionStatement(f.createAssignment(o, f.createElementAccessExpression(f.createIdentifier("__omp_out"), i))));
      statement = f.createBlock([declaration, ...assignments], true);
    }
    ts.setTextRange(statement, { pos: region.statement.getStart(this.sourceFile), end: region.statement.end });
    carryLeadingComments(region.statement, statement, this.sourceFile, this.renamed);
    return statement;
  }

  /** `{ enter(…); try { … } finally { exit(…); } }` around a critical or ordered construct's statement: a block, which stands wherever the statement stood. */
  private guardedBlock(original: ts.Statement, enter: ts.Expression, exit: ts.Expression, enterArgs: ts.Expression[], exitArgs: ts.Expression[], visit: ts.Visitor): ts.Statement {
    const f = this.f;
    const body = ts.visitEachChild(original, visit, this.options.context);
    const guarded = ts.isBlock(body) ? body : f.createBlock([body], true);
    const call = (callee: ts.Expression, args: ts.Expression[]) => f.createExpressionStatement(f.createCallExpression(callee, undefined, args));
    const statement = f.createBlock([call(enter, enterArgs), f.createTryStatement(guarded, undefined, f.createBlock([call(exit, exitArgs)], true))], true);
    ts.setTextRange(statement, { pos: original.getStart(this.sourceFile), end: original.end });
    carryLeadingComments(original, statement, this.sourceFile, this.renamed);
    return statement;
  }

  /** The call an atomic construct's expression becomes (see rewriteAtomic in emit-text.ts). */
  private atomicCall(atomic: AtomicPlan, visit: ts.Visitor): ts.Expression {
    const f = this.f;
    const operation = atomic.operation;
    const args = [visit(atomic.target.array) as ts.Expression, visit(atomic.target.index) as ts.Expression];
    if (operation.kind === "store") args.push(visit(operation.value) as ts.Expression);
    if (operation.kind === "update") {
      const value = operation.value === "1" ? f.createNumericLiteral(1) : operation.value === "1n" ? f.createBigIntLiteral("1n") : (visit(operation.value) as ts.Expression);
      if (operation.direct) return f.createCallExpression(f.createPropertyAccessExpression(f.createIdentifier("Atomics"), operation.direct), undefined, [...args, value]);
      args.push(f.createStringLiteral(operation.operator), value);
    }
    const name = operation.kind === "load" ? "atomicLoad" : operation.kind === "store" ? "atomicStore" : operation.fetch ? "atomicFetch" : "atomicUpdate";
    return f.createCallExpression(omp(f, name), undefined, args);
  }

  private valueNode(value: CallValue, region: RegionPlan | undefined, inWorker: boolean): ts.Expression {
    const f = this.f;
    switch (value.kind) {
      case "expression": {
        const node = value.clause ? this.clauseExpression(value.node, region, inWorker) : ((inWorker ? this.visitWorker : this.visitModule)(value.node) as ts.Expression);
        return value.negated ? f.createPrefixMinus(f.createParenthesizedExpression(node)) : node;
      }
      case "number":
        return literalNode(f, value.value);
      case "variable":
        return this.variable(value.variable, inWorker);
      case "array":
        return f.createArrayLiteralExpression(value.items.map((v) => this.valueNode(v, region, inWorker)));
    }
  }

  /**
   * A clause's expression, parsed from the directive's text: copied as generated nodes, and in
   * module code each name is linked to the declaration it refers to at the loop, so that later
   * transforms resolve it like any other reference.
   */
  private clauseExpression(node: ts.Expression, region: RegionPlan | undefined, inWorker: boolean): ts.Expression {
    const copy = detach(node);
    if (inWorker || !region) return copy;
    const inScope = new Map(this.options.checker.getSymbolsInScope(region.statement, ts.SymbolFlags.Value).map((s) => [s.name, s]));
    const link = (n: ts.Node, parent: ts.Node | undefined): void => {
      if (ts.isIdentifier(n) && !(parent && (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === n)) {
        const symbol = inScope.get(n.text);
        const name = symbol && declarationOf(symbol) && ts.getNameOfDeclaration(declarationOf(symbol));
        if (name && ts.isIdentifier(name)) ts.setOriginalNode(n, name);
      }
      ts.forEachChild(n, (c) => link(c, n));
    };
    link(copy, undefined);
    return copy;
  }

  /** A variable named at a call: in module code linked to its declaration; in worker code a plain name. */
  private variable(ref: VariableRef, inWorker: boolean): ts.Identifier {
    const id = this.f.createIdentifier(ref.name);
    const name = !inWorker && ref.declaration ? ts.getNameOfDeclaration(ref.declaration) : undefined;
    return name && ts.isIdentifier(name) ? ts.setOriginalNode(id, name) : id;
  }

  /** `__omp.sharedArray(Float64Array, n)` for `new Float64Array(n)`; `__omp.shared(expr)` for the other ways to make one. */
  private allocationNode(allocation: SharedAllocation, visit: ts.Visitor): ts.Expression {
    const f = this.f;
    if (allocation.kind === "copy") return f.createCallExpression(omp(f, "shared"), undefined, [ts.visitEachChild(allocation.node, visit, this.options.context)]);
    const created = allocation.node as ts.NewExpression;
    const args = [created.expression, ...(created.arguments ?? [])].map((n) => visit(n) as ts.Expression);
    return f.createCallExpression(omp(f, "sharedArray"), undefined, args);
  }

  /** `import * as __omp from "tsomp/runtime";`, or `const __omp = require(…)` in a CommonJS script (a file without imports or exports, which tsc does not treat as a module). */
  private runtimeImport(): ts.Statement {
    const f = this.f;
    const specifier = f.createStringLiteral(this.plan.runtimeSpecifier);
    if (this.options.format === "commonjs" && !ts.isExternalModule(this.sourceFile)) {
      const required = f.createCallExpression(f.createIdentifier("require"), undefined, [specifier]);
      return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration("__omp", undefined, undefined, required)], ts.NodeFlags.Const));
    }
    const clause = f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier("__omp")));
    return f.createImportDeclaration(undefined, clause, specifier);
  }

  /** `__omp.register(__omp_regions, import.meta, { imports, bindings, classes })`, with `__omp.commonJsMeta(__filename, require)` for CommonJS. */
  private registration(): ts.Statement {
    const f = this.f;
    const meta = this.options.format === "esm"
      ? f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier("meta"))
      : f.createCallExpression(omp(f, "commonJsMeta"), undefined, [f.createIdentifier("__filename"), f.createIdentifier("require")]);
    const properties: ts.ObjectLiteralElementLike[] = [];
    const imports = this.plan.imports;
    if (imports.length > 0) {
      properties.push(f.createPropertyAssignment("imports", literalNode(f, imports.map((i) => [i.specifier, i.exportName]))));
      properties.push(f.createPropertyAssignment("bindings", this.arrowOf(imports.map((i) => this.linked(i.localName, importName(this.sourceFile, i.localName))))));
    }
    const classes = this.plan.classes;
    if (classes.length > 0) properties.push(f.createPropertyAssignment("classes", this.arrowOf(classes.map((c) => this.linked(c.name!.text, c.name)))));
    const args = [f.createIdentifier("__omp_regions"), meta, ...(properties.length > 0 ? [f.createObjectLiteralExpression(properties)] : [])];
    return f.createExpressionStatement(f.createCallExpression(omp(f, "register"), undefined, args));
  }

  /** `() => [a, b]` */
  private arrowOf(items: ts.Expression[]): ts.Expression {
    const f = this.f;
    return f.createArrowFunction(undefined, undefined, [], undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), f.createArrayLiteralExpression(items));
  }

  /** A name in module code, linked to the declaration it refers to. */
  private linked(name: string, declarationName: ts.Node | undefined): ts.Identifier {
    const id = this.f.createIdentifier(name);
    return declarationName ? ts.setOriginalNode(id, declarationName) : id;
  }

  /** `function __omp_regions(…imports) { …carried declarations; let …values; return [ …regions ]; }` */
  private factoryDeclaration(): ts.Statement {
    const f = this.f;
    const names = [...this.plan.imports.map((i) => i.localName), ...this.plan.classes.map((c) => `__omp_${c.name!.text}`)];
    const parameters = names.map((name) => f.createParameterDeclaration(undefined, undefined, name));
    const body: ts.Statement[] = [];
    for (const node of this.plan.carried) {
      const copy = this.copyDeclaration(node);
      if (copy) body.push(this.plan.classes.includes(node as ts.ClassDeclaration) ? this.originalOrCopy((node as ts.ClassDeclaration).name!.text, copy) : copy);
    }
    for (const v of this.plan.values) body.push(f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(v.name)], ts.NodeFlags.Let)));
    body.push(f.createReturnStatement(f.createArrayLiteralExpression(this.plan.regions.map((r) => regionNode(r, this.regionContext)), true)));
    const factory = f.createFunctionDeclaration(undefined, undefined, "__omp_regions", undefined, parameters, undefined, f.createBlock(body, true));
    for (const line of FACTORY_COMMENT.trim().split("\n")) ts.addSyntheticLeadingComment(factory, ts.SyntaxKind.SingleLineCommentTrivia, line.slice(2), true);
    return factory;
  }

  /** `const C = __omp_C ?? (() => { class C { … } return C; })();`: thread 0's original class when the factory gets it, else the copy. */
  private originalOrCopy(name: string, copy: ts.Statement): ts.Statement {
    const f = this.f;
    const make = f.createArrowFunction(undefined, undefined, [], undefined, f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), f.createBlock([copy, f.createReturnStatement(f.createIdentifier(name))], true));
    const value = f.createBinaryExpression(f.createIdentifier(`__omp_${name}`), ts.SyntaxKind.QuestionQuestionToken, f.createCallExpression(f.createParenthesizedExpression(make), undefined, []));
    return f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(name, undefined, undefined, value)], ts.NodeFlags.Const));
  }

  /** A declaration copied into worker code without `export`/`default`; undefined for type-only declarations. */
  private copyDeclaration(node: ts.Node): ts.Statement | undefined {
    const f = this.f;
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return undefined;
    if (ts.isVariableDeclaration(node)) {
      return f.createVariableStatement(undefined, f.createVariableDeclarationList([this.visitWorker(node) as ts.VariableDeclaration], ts.NodeFlags.Const));
    }
    const copy = this.visitWorker(node) as ts.Statement;
    if (!ts.canHaveModifiers(copy)) return copy;
    const kept = (ts.getModifiers(copy) ?? []).filter((m) => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword);
    return f.replaceModifiers(copy as ts.Statement & ts.HasModifiers, kept);
  }
}

/** `"use strict";` and the other directives that must stay first in a file. */
function isPrologueDirective(s: ts.Statement): boolean {
  return ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);
}

/** The name node an import binding is declared with (`a` of `import { x as a }`), by its local name. */
function importName(sourceFile: ts.SourceFile, localName: string): ts.Identifier | undefined {
  for (const s of sourceFile.statements) {
    if (ts.isImportEqualsDeclaration(s) && s.name.text === localName) return s.name;
    if (!ts.isImportDeclaration(s) || !s.importClause) continue;
    const { name, namedBindings } = s.importClause;
    if (name?.text === localName) return name;
    if (namedBindings && ts.isNamespaceImport(namedBindings) && namedBindings.name.text === localName) return namedBindings.name;
    if (namedBindings && ts.isNamedImports(namedBindings)) {
      const element = namedBindings.elements.find((e) => e.name.text === localName);
      if (element) return element.name;
    }
  }
  return undefined;
}
