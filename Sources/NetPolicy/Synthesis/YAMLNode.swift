import PalisadeCore

/// A YAML value with ordered keys, for writing policies the way people
/// write them (apiVersion, kind, metadata, spec).
public indirect enum YAMLNode: Sendable, Hashable {
    case string(String)
    case int(Int)
    case list([YAMLNode])
    case map([YAMLEntry])

    /// Block-style YAML text ending in a newline.
    public var text: String {
        var out = ""
        switch self {
        case .map(let entries) where !entries.isEmpty: Self.writeMap(entries, indent: 0, into: &out)
        case .list(let items) where !items.isEmpty: Self.writeList(items, indent: 0, into: &out)
        default: out = inline + "\n"
        }
        return out
    }

    /// Several documents separated by `---`.
    public static func stream(_ documents: [YAMLNode]) -> String {
        documents.map(\.text).joined(separator: "---\n")
    }

    private var isEmptyCollection: Bool {
        switch self {
        case .list(let items): return items.isEmpty
        case .map(let entries): return entries.isEmpty
        default: return false
        }
    }

    /// Scalars and empty collections on one line.
    private var inline: String {
        switch self {
        case .string(let s): return Self.quoted(s)
        case .int(let n): return String(n)
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    private static func writeMap(_ entries: [YAMLEntry], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (i, entry) in entries.enumerated() {
            // The first key of a list item follows the dash on the same line.
            out += (i == 0 && out.hasSuffix("- ")) ? "" : pad
            out += quotedKey(entry.key) + ":"
            writeValue(entry.value, indent: indent, into: &out)
        }
    }

    private static func writeList(_ items: [YAMLNode], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            out += pad + "- "
            switch item {
            case .map(let entries) where !entries.isEmpty: writeMap(entries, indent: indent + 2, into: &out)
            case .list(let inner) where !inner.isEmpty:
                out += "\n"
                writeList(inner, indent: indent + 2, into: &out)
            default: out += item.inline + "\n"
            }
        }
    }

    private static func writeValue(_ value: YAMLNode, indent: Int, into out: inout String) {
        switch value {
        case .map(let entries) where !entries.isEmpty:
            out += "\n"
            writeMap(entries, indent: indent + 2, into: &out)
        case .list(let items) where !items.isEmpty:
            out += "\n"
            writeList(items, indent: indent, into: &out)
        default:
            out += " " + value.inline + "\n"
        }
    }

    private static func quotedKey(_ key: String) -> String { isPlain(key) ? key : quoted(key) }

    /// Plain when safe, else a double-quoted string: a JSON string literal,
    /// which YAML reads as the same double-quoted scalar.
    static func quoted(_ s: String) -> String {
        if isPlain(s) { return s }
        var out = ""
        JSONWriter.writeString(s, into: &out)
        return out
    }

    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    private static func isPlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !reservedWords.contains(s.lowercased()) else { return false }
        let allowed = s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_" || c == "." || c == "/"
        }
        let looksNumeric = first == "." || first == "-" || (first >= "0" && first <= "9")
        return allowed && !looksNumeric
    }
}

/// One key of a YAML map.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var value: YAMLNode

    public init(_ key: String, _ value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    /// A map from ordered pairs.
    static func object(_ pairs: [(String, YAMLNode)]) -> YAMLNode { .map(pairs.map { YAMLEntry($0.0, $0.1) }) }

    /// A map of strings in key order (labels, matchLabels).
    static func stringMap(_ labels: [String: String]) -> YAMLNode {
        .map(labels.sorted { $0.key < $1.key }.map { YAMLEntry($0.key, .string($0.value)) })
    }
}
