import PalisadeCore
import Yams

/// One item of a rules file: a YAML mapping with its keys and location.
struct RulesItem {
    var node: Node
    var keys: [(key: String, value: Node)]
    var location: SourceLocation
    var file: String

    func value(_ key: String) -> Node? {
        keys.first { $0.key == key }?.value
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    func location(of key: String) -> SourceLocation {
        value(key).map { RulesNode.location($0, file: file) } ?? location
    }
}

/// Helpers reading Yams nodes the way yaml-cpp's `as<T>()` does for Falco.
enum RulesNode {
    static func location(_ node: Node, file: String) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    /// A scalar's text; a non-standard tag (`!= foo` read as tag `!=`) is put back.
    static func string(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        let tag = scalar.tag.description
        if tag.hasPrefix("!"), !tag.hasPrefix("!!"), tag != "!" {
            return scalar.string.isEmpty ? tag : tag + " " + scalar.string
        }
        return scalar.string
    }

    /// yaml-cpp booleans: true/false, yes/no, on/off, y/n (any case).
    static func bool(_ node: Node) -> Bool? {
        guard let text = string(node)?.lowercased() else { return nil }
        switch text {
        case "true", "yes", "on", "y": return true
        case "false", "no", "off", "n": return false
        default: return nil
        }
    }

    static func sequence(_ node: Node) -> [Node]? {
        guard case .sequence(let sequence) = node else { return nil }
        return Array(sequence)
    }

    static func mapping(_ node: Node) -> [(key: String, value: Node)]? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.map { (string($0.key) ?? "", $0.value) }
    }

    /// A sequence of scalars as strings (nil when not a sequence of scalars).
    static func strings(_ node: Node) -> [String]? {
        guard let items = sequence(node) else { return nil }
        var out: [String] = []
        for item in items {
            guard let text = string(item) else { return nil }
            out.append(text)
        }
        return out
    }

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.tag.description.hasSuffix(":null") || (scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string))
    }
}
