/**
 * The intro and closing text of a template: Handlebars with a fixed set of placeholders. Templates
 * supply words, never logic, so only `if`, `unless` and `plural` are allowed, and every placeholder
 * is checked against the context when the template is loaded rather than when a board pack is due.
 */
import Handlebars from 'handlebars';
import { TemplateError } from './template-errors';

/** What `{{…}}` can name. Lists are there for their `.length` only. */
export interface TemplateContext {
  report: { title: string };
  strategy: { title: string; area: string; vision: string | null; leadPartnershipName: string };
  /** `2025-26-Q2` */
  period: string;
  /** `2025/26 Q2 (Jul–Sep 2025)` */
  periodLabel: string;
  previousPeriodLabel: string;
  /** `14 October 2025` */
  generatedOn: string;
  /** `Safer Wealden Partnership only`; null for the whole strategy. */
  scopeLabel: string | null;
  counts: { green: number; amber: number; red: number; noData: number; total: number };
  movement: { improved: number; worsened: number; unchanged: number; newlyRed: number; notComparable: number };
  themes: readonly unknown[];
  exceptions: readonly unknown[];
  missingReturns: readonly unknown[];
}

export interface TemplateText {
  readonly source: string;
  render(context: TemplateContext): string;
}

/** Typed as the context so that a new field cannot be forgotten here; values only give the shape. */
const SHAPE: TemplateContext = {
  report: { title: '' },
  strategy: { title: '', area: '', vision: '', leadPartnershipName: '' },
  period: '',
  periodLabel: '',
  previousPeriodLabel: '',
  generatedOn: '',
  scopeLabel: '',
  counts: { green: 0, amber: 0, red: 0, noData: 0, total: 0 },
  movement: { improved: 0, worsened: 0, unchanged: 0, newlyRed: 0, notComparable: 0 },
  themes: [],
  exceptions: [],
  missingReturns: [],
};

function leafPaths(value: unknown, prefix: string): string[] {
  if (Array.isArray(value)) return [`${prefix}.length`];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix];
}

const PLACEHOLDERS: readonly string[] = leafPaths(SHAPE, '');
const KNOWN = new Set(PLACEHOLDERS);
const BLOCK_HELPERS = new Set(['if', 'unless']);

/** `{{plural counts.red "target"}}` → `1 target`, `3 targets`; a third argument gives an irregular plural. */
function plural(count: unknown, singular: unknown, pluralForm: unknown): string {
  const word = count === 1 ? singular : typeof pluralForm === 'string' ? pluralForm : `${String(singular)}s`;
  return `${String(count)} ${String(word)}`;
}

const handlebars = Handlebars.create();
handlebars.registerHelper('plural', plural);

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  noEscape: true,
  knownHelpers: { plural: true },
  knownHelpersOnly: true,
};

type Node = hbs.AST.Node;

class PlaceholderCheck {
  readonly problems: string[] = [];

  constructor(private readonly field: string) {}

  private problem(node: Node, message: string): void {
    this.problems.push(`${this.field}, line ${node.loc.start.line}: ${message}`);
  }

  program(program: hbs.AST.Program): void {
    for (const statement of program.body) this.statement(statement);
  }

  private statement(node: Node): void {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement);
      default:
        this.problem(node, `${node.type} is not supported; use placeholders, if, unless and plural only`);
    }
  }

  private mustache(node: hbs.AST.MustacheStatement): void {
    if (node.path.type !== 'PathExpression') return;
    if (node.params.length > 0 || node.hash) return this.pluralCall(node, node.path as hbs.AST.PathExpression);
    this.value(node.path as hbs.AST.PathExpression);
  }

  private block(node: hbs.AST.BlockStatement): void {
    const helper = node.path.original;
    if (!BLOCK_HELPERS.has(helper)) {
      this.problem(node, `{{#${helper}}} is not supported; only {{#if}} and {{#unless}} may be used`);
    } else if (node.params.length !== 1 || node.hash) {
      this.problem(node, `{{#${helper}}} takes exactly one placeholder`);
    }
    node.params.forEach((param) => this.expression(param));
    this.program(node.program);
    if (node.inverse) this.program(node.inverse);
  }

  private pluralCall(node: Node, path: hbs.AST.PathExpression): void {
    const args = (node as hbs.AST.MustacheStatement | hbs.AST.SubExpression).params;
    const [count, ...words] = args;
    const wordsOk = words.length >= 1 && words.length <= 2 && words.every((w) => w.type === 'StringLiteral');
    if (path.original !== 'plural') {
      this.problem(node, `unknown helper ${JSON.stringify(path.original)}; only plural is available`);
    } else if (!count || !['PathExpression', 'NumberLiteral'].includes(count.type) || !wordsOk) {
      this.problem(node, 'plural takes a number and one or two quoted words, e.g. {{plural counts.red "target"}}');
    }
    args.forEach((arg) => this.expression(arg));
  }

  private expression(node: Node): void {
    if (node.type === 'PathExpression') this.value(node as hbs.AST.PathExpression);
    else if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      this.pluralCall(sub, sub.path);
    }
  }

  private value(path: hbs.AST.PathExpression): void {
    if (path.data || path.depth > 0 || !KNOWN.has(path.original)) {
      this.problem(path, `unknown placeholder {{${path.original}}}; known placeholders: ${PLACEHOLDERS.join(', ')}`);
    }
  }
}

/** Everything wrong with a piece of template text, as messages naming the field and line; empty when usable. */
export function templateTextProblems(field: string, source: string): string[] {
  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (e) {
    return [`${field}: ${(e as Error).message.replace(/\s*\n\s*/g, ' ')}`];
  }
  const check = new PlaceholderCheck(field);
  check.program(ast);
  return check.problems;
}

/** Compiles text that templateTextProblems accepted; a failure while rendering names the file and field. */
export function compileTemplateText(source: string, where: { file: string; field: string }): TemplateText {
  const template = handlebars.compile<TemplateContext>(source, COMPILE_OPTIONS);
  return {
    source,
    render(context) {
      try {
        return template(context).trim();
      } catch (e) {
        throw new TemplateError(where.file, [`${where.field}: ${(e as Error).message}`]);
      }
    },
  };
}
