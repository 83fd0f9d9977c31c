import PalisadeCore

/// Renders values in Rego syntax: sets as `{1, 2}`, the empty set as
/// `set()`, objects with `": "` separators, as OPA prints terms.
enum RegoText {
    static func format(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Value, into out: inout String) {
        switch value {
        case .null, .bool, .number, .string:
            out += JSONWriter.string(value)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .set(let items):
            if items.isEmpty { out += "set()"; return }
            out += "{"
            for (i, item) in items.sorted().enumerated() {
                if i > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "}"
        case .object(let dict):
            out += "{"
            for (i, key) in dict.keys.sorted().enumerated() {
                if i > 0 { out += ", " }
                write(key, into: &out)
                out += ": "
                write(dict[key]!, into: &out)
            }
            out += "}"
        }
    }
}
