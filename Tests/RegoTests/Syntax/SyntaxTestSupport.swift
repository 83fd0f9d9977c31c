@testable import Rego
import PalisadeCore

/// A compact rendering of the AST, so tests can state expected shapes in one line.
enum SyntaxRender {
    static func term(_ t: Term) -> String {
        switch t.kind {
        case .scalar(let v): return scalar(v)
        case .variable(let name): return name
        case .ref(let parts): return "ref(" + parts.map(term).joined(separator: ", ") + ")"
        case .array(let items): return "[" + items.map(term).joined(separator: ", ") + "]"
        case .set(let items): return "set(" + items.map(term).joined(separator: ", ") + ")"
        case .object(let items): return "{" + items.map { term($0.key) + ": " + term($0.value) }.joined(separator: ", ") + "}"
        case .call(let op, let args): return "call(" + ([op] + args).map(term).joined(separator: ", ") + ")"
        case .arrayComprehension(let head, let b): return "[" + term(head) + " | " + body(b) + "]"
        case .setComprehension(let head, let b): return "set[" + term(head) + " | " + body(b) + "]"
        case .objectComprehension(let k, let v, let b): return "obj{" + term(k) + ": " + term(v) + " | " + body(b) + "}"
        case .templateString(let parts):
            return "tpl(" + parts.map { part in
                switch part {
                case .text(let s): return scalar(.string(s))
                case .expression(let e): return "{" + term(e) + "}"
                }
            }.joined(separator: ", ") + ")"
        }
    }

    static func scalar(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s):
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "\""
        default: return "?"
        }
    }

    static func expr(_ e: Expr) -> String {
        var out = e.negated ? "not " : ""
        switch e.kind {
        case .term(let t): out += term(t)
        case .unify(let a, let b): out += term(a) + " = " + term(b)
        case .assign(let a, let b): out += term(a) + " := " + term(b)
        case .call(let op, let args): out += "call(" + ([op] + args).map(term).joined(separator: ", ") + ")"
        case .some(let vars): out += "some(" + vars.map(term).joined(separator: ", ") + ")"
        case .someIn(let key, let value, let collection):
            out += "some(" + (key.map { term($0) + ", " } ?? "") + term(value) + " in " + term(collection) + ")"
        case .every(let key, let value, let domain, let b):
            out += "every(" + (key.map { term($0) + ", " } ?? "") + term(value) + " in " + term(domain) + "){" + body(b) + "}"
        }
        for w in e.with { out += " with " + term(w.target) + " as " + term(w.value) }
        return out
    }

    static func body(_ b: Body) -> String {
        b.map(expr).joined(separator: "; ")
    }

    static func rule(_ r: Rule) -> String {
        var out = r.isDefault ? "default " : ""
        out += "ref(" + r.head.ref.map(term).joined(separator: ", ") + ")"
        if let args = r.head.args { out += "(" + args.map(term).joined(separator: ", ") + ")" }
        if let key = r.head.key { out += " contains " + term(key) }
        if let value = r.head.value { out += (r.head.isAssignment ? " := " : " = ") + term(value) }
        if !r.body.isEmpty { out += " { " + body(r.body) + " }" }
        for branch in r.elseBranches {
            out += " else"
            if let value = branch.value { out += " = " + term(value) }
            if !branch.body.isEmpty { out += " { " + body(branch.body) + " }" }
        }
        return out
    }

    static func rules(_ m: Module) -> [String] { m.rules.map(rule) }
}
