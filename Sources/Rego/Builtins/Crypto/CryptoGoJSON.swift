import PalisadeCore

/// JSON text as Go's `json.Marshal` writes OPA values: sorted keys, sets as
/// arrays, and Go's escaping (HTML characters, U+2028/2029, `\b`, `\f`).
enum CryptoGoJSON {
    static func marshal(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.description
        case .string(let text): writeString(text, into: &out)
        case .array(let items): writeItems(items, into: &out)
        case .set(let items): writeItems(items.sorted(), into: &out)
        case .object(let fields):
            let entries = fields.map { (key: keyText($0.key), value: $0.value) }
                .sorted { Value.compare(.string($0.key), .string($1.key)) < 0 }
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                writeString(entry.key, into: &out)
                out += ":"
                write(entry.value, into: &out)
            }
            out += "}"
        }
    }

    /// Non-string keys are written as their JSON text, as OPA's `ast.JSON` does.
    private static func keyText(_ key: Value) -> String {
        if case .string(let text) = key { return text }
        return marshal(key)
    }

    private static func writeItems(_ items: [Value], into out: inout String) {
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            write(item, into: &out)
        }
        out += "]"
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 { out += "\\u" + hex4(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
