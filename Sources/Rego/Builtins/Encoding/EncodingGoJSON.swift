import PalisadeCore

/// Writes values as Go's encoding/json does: sorted keys, sets as arrays,
/// HTML-escaping of `<`, `>`, `&`, and MarshalIndent's prefix/indent layout.
struct EncodingGoJSON {
    var escapeHTML = true
    /// nil for compact output.
    var indent: String?
    var prefix = ""

    func string(_ value: Value) -> String {
        var out = ""
        write(value, into: &out, depth: 0)
        return out
    }

    private func write(_ value: Value, into out: inout String, depth: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.description
        case .string(let s): writeString(s, into: &out)
        case .array(let items): writeArray(items, into: &out, depth: depth)
        case .set(let items): writeArray(items.sorted(), into: &out, depth: depth)
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            let entries = fields.map { (key: keyText($0.key), value: $0.value) }
                .sorted { EncodingGoStrings.less($0.key, $1.key) }
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                newline(into: &out, depth: depth + 1)
                writeString(entry.key, into: &out)
                out += indent == nil ? ":" : ": "
                write(entry.value, into: &out, depth: depth + 1)
            }
            newline(into: &out, depth: depth)
            out += "}"
        }
    }

    private func writeArray(_ items: [Value], into out: inout String, depth: Int) {
        if items.isEmpty { out += "[]"; return }
        out += "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            newline(into: &out, depth: depth + 1)
            write(item, into: &out, depth: depth + 1)
        }
        newline(into: &out, depth: depth)
        out += "]"
    }

    private func newline(into out: inout String, depth: Int) {
        guard let indent else { return }
        out += "\n" + prefix
        for _ in 0..<depth { out += indent }
    }

    /// OPA turns a non-string key into its JSON text.
    private func keyText(_ key: Value) -> String {
        if case .string(let s) = key { return s }
        return EncodingGoJSON(escapeHTML: true).string(key)
    }

    func writeString(_ s: String, into out: inout String) {
        JSONWriter.writeString(s, into: &out, escapeHTML: escapeHTML)
    }
}
