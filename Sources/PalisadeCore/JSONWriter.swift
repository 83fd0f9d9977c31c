/// Writes values as JSON, deterministically: object keys sorted in Rego
/// order, sets as sorted arrays, non-string keys as their JSON text.
public struct JSONWriter {
    public struct Options: Sendable {
        /// Indentation per level; nil writes compact JSON.
        public var indent: String?
        /// Escape `<`, `>` and `&` as Go's encoding/json does by default.
        public var escapeHTML: Bool

        public init(indent: String? = nil, escapeHTML: Bool = false) {
            self.indent = indent
            self.escapeHTML = escapeHTML
        }

        public static let compact = Options()
        public static let pretty = Options(indent: "  ")
    }

    public static func string(_ value: Value, options: Options = .compact) -> String {
        var out = ""
        write(value, into: &out, options: options, level: 0)
        return out
    }

    public static func write(_ value: Value, into out: inout String, options: Options, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.description
        case .string(let s): writeString(s, into: &out, escapeHTML: options.escapeHTML)
        case .array(let a): writeSequence(a, into: &out, options: options, level: level)
        case .set(let s): writeSequence(s.sorted(), into: &out, options: options, level: level)
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            let keys = o.keys.sorted { Value.compareStrings(keyText($0, options: options), keyText($1, options: options)) < 0 }
            for (i, key) in keys.enumerated() {
                if i > 0 { out += "," }
                newline(into: &out, options: options, level: level + 1)
                writeString(keyText(key, options: options), into: &out, escapeHTML: options.escapeHTML)
                out += options.indent == nil ? ":" : ": "
                write(o[key]!, into: &out, options: options, level: level + 1)
            }
            newline(into: &out, options: options, level: level)
            out += "}"
        }
    }

    /// The text of an object key: strings as themselves, other values as JSON.
    public static func keyText(_ key: Value, options: Options = .compact) -> String {
        if case .string(let s) = key { return s }
        return string(key, options: Options(indent: nil, escapeHTML: options.escapeHTML))
    }

    private static func writeSequence(_ items: [Value], into out: inout String, options: Options, level: Int) {
        if items.isEmpty { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            newline(into: &out, options: options, level: level + 1)
            write(item, into: &out, options: options, level: level + 1)
        }
        newline(into: &out, options: options, level: level)
        out += "]"
    }

    private static func newline(into out: inout String, options: Options, level: Int) {
        guard let indent = options.indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Writes a JSON string literal with Go's `encoding/json` escaping: `\b`,
    /// `\f`, `\n`, `\r`, `\t` short forms, other control characters and
    /// U+2028/U+2029 as `\u` escapes, and `<`, `>`, `&` when `escapeHTML`.
    public static func writeString(_ s: String, into out: inout String, escapeHTML: Bool = false) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where escapeHTML, ">" where escapeHTML, "&" where escapeHTML, "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    out += unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

extension Value: CustomStringConvertible {
    /// Compact, deterministic JSON.
    public var description: String { JSONWriter.string(self) }
}
