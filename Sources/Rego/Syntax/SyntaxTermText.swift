import PalisadeCore

/// Small term utilities for the parser's checks and messages.
enum SyntaxTermText {
    static func string(_ term: Term) -> String? {
        if case .scalar(.string(let s)) = term.kind { return s }
        return nil
    }

    static func isRef(_ term: Term) -> Bool {
        if case .ref = term.kind { return true }
        return false
    }

    /// OPA's `IsGround` (a ref's head is not considered).
    static func isGround(_ term: Term) -> Bool {
        switch term.kind {
        case .scalar: return true
        case .variable: return false
        case .ref(let parts): return parts.dropFirst().allSatisfy(isGround)
        case .array(let items), .set(let items): return items.allSatisfy(isGround)
        case .object(let items): return items.allSatisfy { isGround($0.key) && isGround($0.value) }
        case .call(let op, let args): return isGround(op) && args.allSatisfy(isGround)
        case .arrayComprehension(let head, _), .setComprehension(let head, _): return isGround(head)
        case .objectComprehension(let key, let value, _): return isGround(key) && isGround(value)
        case .templateString(let parts):
            return parts.allSatisfy {
                if case .expression(let t) = $0 { return isGround(t) }
                return true
            }
        }
    }

    /// The kinds (`var`, `ref`, `call`) a default rule's value may not contain, outside comprehensions.
    static func forbiddenInDefaultValue(_ term: Term) -> [String] {
        var found: [String] = []
        collectForbidden(term, &found)
        return found
    }

    private static func collectForbidden(_ term: Term, _ found: inout [String]) {
        switch term.kind {
        case .scalar, .arrayComprehension, .setComprehension, .objectComprehension: break
        case .variable: found.append("var")
        case .ref: found.append("ref")
        case .call: found.append("call")
        case .array(let items), .set(let items): items.forEach { collectForbidden($0, &found) }
        case .object(let items):
            for item in items {
                collectForbidden(item.key, &found)
                collectForbidden(item.value, &found)
            }
        case .templateString(let parts):
            for case .expression(let t) in parts { collectForbidden(t, &found) }
        }
    }

    // MARK: Rendering for messages

    static func describeRef(_ parts: [Term]) -> String {
        guard let head = parts.first else { return "" }
        var out = describe(head)
        for part in parts.dropFirst() {
            if let s = string(part), isIdentifier(s) {
                out += "." + s
            } else {
                out += "[" + describe(part) + "]"
            }
        }
        return out
    }

    /// Rego source text for a term, close to OPA's `String()`.
    static func describe(_ term: Term) -> String {
        switch term.kind {
        case .scalar(let value):
            switch value {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .number(let n): return n.description
            case .string(let s): return quote(s)
            default: return "?"
            }
        case .variable(let name): return name
        case .ref(let parts): return describeRef(parts)
        case .call(let op, let args): return describe(op) + "(" + args.map(describe).joined(separator: ", ") + ")"
        case .array(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .set(let items): return items.isEmpty ? "set()" : "{" + items.map(describe).joined(separator: ", ") + "}"
        case .object(let items):
            return "{" + items.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        case .arrayComprehension(let head, _): return "[" + describe(head) + " | ...]"
        case .setComprehension(let head, _): return "{" + describe(head) + " | ...}"
        case .objectComprehension(let key, let value, _): return "{" + describe(key) + ": " + describe(value) + " | ...}"
        case .templateString: return "$\"...\""
        }
    }

    private static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, SyntaxLexer.isLetter(first) else { return false }
        return s.utf8.allSatisfy { SyntaxLexer.isLetter($0) || SyntaxLexer.isDecimal($0) }
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
