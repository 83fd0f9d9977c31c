import PalisadeCore

/// Values in Rego syntax, as OPA's `Term.String()` prints them: strings
/// quoted Go-style, `[1, "a"]`, `{"k": v}` and `{1, 2}` with ", "
/// separators, sets and object keys sorted, the empty set as `set()`.
enum RegoValueText {
    static func string(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.description
        case .string(let s): out += GoQuote.quote(s)
        case .array(let items): writeSequence(items, open: "[", close: "]", into: &out)
        case .set(let items):
            if items.isEmpty { out += "set()"; return }
            writeSequence(items.sorted(), open: "{", close: "}", into: &out)
        case .object(let fields):
            out += "{"
            for (i, key) in fields.keys.sorted().enumerated() {
                if i > 0 { out += ", " }
                write(key, into: &out)
                out += ": "
                if let field = fields[key] { write(field, into: &out) }
            }
            out += "}"
        }
    }

    private static func writeSequence(_ items: [Value], open: String, close: String, into out: inout String) {
        out += open
        for (i, item) in items.enumerated() {
            if i > 0 { out += ", " }
            write(item, into: &out)
        }
        out += close
    }
}
