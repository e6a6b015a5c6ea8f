/**
 * SharePoint's OData v3 $filter subset: eq ne gt ge lt le, and/or/not, parentheses,
 * substringof('x',F), startswith(F,'x'), string literals with '' escaping, numbers,
 * true/false/null, datetime'…' (with or without Z), and paths such as Partner/Title.
 */

export type Literal = string | number | boolean | null;

export type FilterNode =
  | { type: "logical"; op: "and" | "or"; left: FilterNode; right: FilterNode }
  | { type: "not"; operand: FilterNode }
  | { type: "compare"; op: CompareOp; left: Operand; right: Operand }
  | { type: "func"; name: "substringof" | "startswith"; args: Operand[] }
  | { type: "bool"; operand: Operand };

export type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type Operand = { type: "field"; path: string[] } | { type: "literal"; value: Literal } | FilterNode;

export class ODataSyntaxError extends Error {}

type Token =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "date"; v: string }
  | { t: "word"; v: string }
  | { t: "("; v: "(" }
  | { t: ")"; v: ")" }
  | { t: ","; v: "," };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      out.push({ t: c, v: c } as Token);
      i++;
    } else if (c === "'") {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new ODataSyntaxError("Unterminated string literal");
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: "str", v: s });
    } else if (/[0-9]/.test(c) || (c === "-" && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^-?\d+(\.\d+)?/.exec(src.slice(i));
      if (!m) throw new ODataSyntaxError(`Bad number at ${i}`);
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(src.slice(i));
      const w = m![0];
      if (w === "datetime" && src[i + w.length] === "'") {
        const end = src.indexOf("'", i + w.length + 1);
        if (end < 0) throw new ODataSyntaxError("Unterminated datetime literal");
        const raw = src.slice(i + w.length + 1, end);
        const d = new Date(/Z|[+-]\d\d:\d\d$/.test(raw) ? raw : raw + "Z");
        if (isNaN(d.getTime())) throw new ODataSyntaxError(`Bad datetime literal '${raw}'`);
        out.push({ t: "date", v: d.toISOString() });
        i = end + 1;
      } else {
        out.push({ t: "word", v: w });
        i += w.length;
      }
    } else {
      throw new ODataSyntaxError(`Unexpected character '${c}' at ${i}`);
    }
  }
  return out;
}

const compareOps = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);

export function parseFilter(src: string): FilterNode {
  const toks = tokenize(src);
  let p = 0;
  const peek = (): Token | undefined => toks[p];
  const isWord = (w: string): boolean => {
    const t = peek();
    return !!t && t.t === "word" && t.v.toLowerCase() === w;
  };
  const expect = (t: Token["t"]): Token => {
    const tok = toks[p++];
    if (!tok || tok.t !== t) throw new ODataSyntaxError(`Expected '${t}'`);
    return tok;
  };

  const parseOr = (): FilterNode => {
    let left = parseAnd();
    while (isWord("or")) {
      p++;
      left = { type: "logical", op: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterNode => {
    let left = parseUnary();
    while (isWord("and")) {
      p++;
      left = { type: "logical", op: "and", left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): FilterNode => {
    if (isWord("not")) {
      p++;
      return { type: "not", operand: parseUnary() };
    }
    const left = parseOperand();
    const t = peek();
    if (t && t.t === "word" && compareOps.has(t.v.toLowerCase())) {
      p++;
      const right = parseOperand();
      return { type: "compare", op: t.v.toLowerCase() as CompareOp, left, right };
    }
    if ("type" in left && (left.type === "func" || left.type === "logical" || left.type === "not" || left.type === "compare")) {
      return left;
    }
    return { type: "bool", operand: left };
  };
  const parseOperand = (): Operand => {
    const t = toks[p++];
    if (!t) throw new ODataSyntaxError("Unexpected end of filter");
    switch (t.t) {
      case "(": {
        const inner = parseOr();
        expect(")");
        return inner;
      }
      case "str":
        return { type: "literal", value: t.v };
      case "num":
        return { type: "literal", value: t.v };
      case "date":
        return { type: "literal", value: t.v };
      case "word": {
        const w = t.v.toLowerCase();
        if (w === "true" || w === "false") return { type: "literal", value: w === "true" };
        if (w === "null") return { type: "literal", value: null };
        if (w === "substringof" || w === "startswith") {
          expect("(");
          const a = parseOperand();
          expect(",");
          const b = parseOperand();
          expect(")");
          return { type: "func", name: w, args: [a, b] };
        }
        return { type: "field", path: t.v.split("/") };
      }
      default:
        throw new ODataSyntaxError(`Unexpected '${t.v}'`);
    }
  };

  const tree = parseOr();
  if (p !== toks.length) throw new ODataSyntaxError(`Unexpected '${String(toks[p].v)}' after expression`);
  return tree;
}

/** Every field path the filter touches. */
export function filterFields(node: Operand): string[][] {
  if (!("type" in node)) return [];
  switch (node.type) {
    case "field":
      return [node.path];
    case "literal":
      return [];
    case "logical":
      return [...filterFields(node.left), ...filterFields(node.right)];
    case "not":
      return filterFields(node.operand);
    case "compare":
      return [...filterFields(node.left), ...filterFields(node.right)];
    case "func":
      return node.args.flatMap(filterFields);
    case "bool":
      return filterFields(node.operand);
  }
}

/** The top-level conjuncts: a AND b AND c → [a, b, c]. */
export function conjuncts(node: FilterNode): FilterNode[] {
  return node.type === "logical" && node.op === "and" ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

export type Resolver = (path: string[]) => unknown;

function operandValue(o: Operand, resolve: Resolver): unknown {
  if (o.type === "field") return resolve(o.path);
  if (o.type === "literal") return o.value;
  return evaluate(o, resolve);
}

function comparable(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null || v === "") return null;
  // SharePoint compares Yes/No columns as 1/0: `Active eq 1` and `Active eq true` both match.
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v)) return new Date(v).getTime();
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

export function evaluate(node: FilterNode, resolve: Resolver): boolean {
  switch (node.type) {
    case "logical":
      return node.op === "and"
        ? evaluate(node.left, resolve) && evaluate(node.right, resolve)
        : evaluate(node.left, resolve) || evaluate(node.right, resolve);
    case "not":
      return !evaluate(node.operand, resolve);
    case "bool":
      return operandValue(node.operand, resolve) === true;
    case "func": {
      const [a, b] = node.args.map((x) => operandValue(x, resolve));
      if (node.name === "substringof") return typeof a === "string" && typeof b === "string" && b.includes(a);
      return typeof a === "string" && typeof b === "string" && a.startsWith(b);
    }
    case "compare": {
      const l = operandValue(node.left, resolve);
      const r = operandValue(node.right, resolve);
      // A multi-value lookup matches when any of its values matches (SharePoint semantics).
      if (Array.isArray(l)) return l.some((x) => compareValues(node.op, comparable(x), comparable(r)));
      return compareValues(node.op, comparable(l), comparable(r));
    }
  }
}

function compareValues(op: CompareOp, a: string | number | boolean | null, b: string | number | boolean | null): boolean {
  if (op === "eq") return a === b;
  if (op === "ne") return a !== b;
  if (a === null || b === null) return false;
  switch (op) {
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "lt":
      return a < b;
    case "le":
      return a <= b;
  }
}
