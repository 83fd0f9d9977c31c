import PalisadeCore
import Yams

/// A YAML node as kube-bench's decoder (Go yaml.v2 into string fields) sees
/// it: scalars keep their source text, so `id: 1.10` stays "1.10" and
/// `value: no` stays "no" rather than becoming a number or a boolean.
public indirect enum BenchYAMLNode: Sendable {
    case scalar(String, isNull: Bool, at: SourceLocation)
    case list([BenchYAMLNode], at: SourceLocation)
    case map([BenchYAMLEntry], at: SourceLocation)

    /// Nesting limit; definition files are shallow, so deeper input is hostile.
    static let maxDepth = 200

    /// Parses the first document of `text` (an empty document is an empty map).
    public static func parse(_ text: String, file: String) throws -> BenchYAMLNode {
        let start = SourceLocation(file: file, line: 1, column: 1)
        var documents: YamlSequence<Node>
        do { documents = try Yams.compose_all(yaml: text) } catch { throw yamlError(error, file: file) }
        let first = documents.next()
        if let error = documents.error { throw yamlError(error, file: file) }
        guard let first else { return .map([], at: start) }
        return try convert(first, file: file, depth: 0)
    }

    /// Where the node starts.
    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let at), .list(_, let at), .map(_, let at): return at
        }
    }

    /// The value under `key` when this is a map (the last one wins, as in yaml.v2).
    public subscript(key: String) -> BenchYAMLNode? {
        guard case .map(let entries, _) = self else { return nil }
        return entries.last { $0.key == key }?.value
    }

    /// The entries of a map, in source order; nil for other nodes.
    public var entries: [BenchYAMLEntry]? {
        if case .map(let entries, _) = self { return entries }
        return nil
    }

    /// True for `~`, `null` and empty scalars.
    public var isNull: Bool {
        if case .scalar(_, let isNull, _) = self { return isNull }
        return false
    }

    private static func convert(_ node: Node, file: String, depth: Int) throws -> BenchYAMLNode {
        let at = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        guard depth < maxDepth else { throw InputError("YAML nested deeper than \(maxDepth) levels", at: at) }
        switch node {
        case .scalar(let scalar):
            let isNull = node.tag.rawValue == Tag.Name.null.rawValue
            return .scalar(isNull ? "" : scalar.string, isNull: isNull, at: at)
        case .sequence(let sequence):
            return .list(try sequence.map { try convert($0, file: file, depth: depth + 1) }, at: at)
        case .mapping(let mapping):
            var entries: [BenchYAMLEntry] = []
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let key) = keyNode else {
                    throw InputError("a mapping key must be a scalar", at: at)
                }
                entries.append(BenchYAMLEntry(key: key.string, value: try convert(valueNode, file: file, depth: depth + 1)))
            }
            return .map(entries, at: at)
        case .alias:
            throw InputError("YAML aliases are not supported in benchmark definitions", at: at)
        }
    }

    static func yamlError(_ error: Error, file: String) -> InputError {
        guard let yaml = error as? YamlError else { return InputError("invalid YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1)) }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return InputError("invalid YAML: \(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        default:
            return InputError("invalid YAML: \(yaml)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

/// One key/value pair of a YAML map.
public struct BenchYAMLEntry: Sendable {
    public var key: String
    public var value: BenchYAMLNode
}

extension BenchYAMLNode {
    /// The text of a scalar field, "" when absent or null; an error for lists and maps.
    func benchString(_ key: String) throws -> String {
        guard let node = self[key] else { return "" }
        switch node {
        case .scalar(let text, _, _): return text
        case .list(_, let at), .map(_, let at): throw InputError("'\(key)' must be a single value", at: at)
        }
    }

    /// A boolean field as yaml.v2 reads it (YAML 1.1 spellings).
    func benchBool(_ key: String, default fallback: Bool = false) throws -> Bool {
        guard let node = self[key], !node.isNull else { return fallback }
        guard case .scalar(let text, _, let at) = node else {
            throw InputError("'\(key)' must be true or false", at: node.location)
        }
        switch text.lowercased() {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default: throw InputError("'\(key)' must be true or false, not '\(text)'", at: at)
        }
    }

    /// A list field (absent or null gives an empty list).
    func benchList(_ key: String) throws -> [BenchYAMLNode] {
        guard let node = self[key], !node.isNull else { return [] }
        guard case .list(let items, _) = node else {
            throw InputError("'\(key)' must be a list", at: node.location)
        }
        return items
    }

    /// A list of strings (a single scalar counts as a one-element list, as viper does).
    func benchStrings(_ key: String) throws -> [String] {
        guard let node = self[key], !node.isNull else { return [] }
        switch node {
        case .scalar(let text, _, _): return [text]
        case .list(let items, _):
            return try items.map { item in
                guard case .scalar(let text, _, _) = item else { throw InputError("'\(key)' must list plain values", at: item.location) }
                return text
            }
        case .map(_, let at): throw InputError("'\(key)' must be a list", at: at)
        }
    }
}
