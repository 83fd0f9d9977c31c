import PalisadeCore

/// JSON whose object keys keep the order they were given in, for envelopes
/// that mirror another tool's output byte for byte (values inside are written
/// by JSONWriter, sorted as usual).
indirect enum OrderedJSON {
    case value(Value)
    case object([(String, OrderedJSON)])
    case array([OrderedJSON])

    func render(indent: String? = "  ") -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, indent: String?, level: Int) {
        switch self {
        case .value(let v):
            JSONWriter.write(v, into: &out, options: JSONWriter.Options(indent: indent), level: level)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, item)) in fields.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                JSONWriter.writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }
}
