extension CalicoSelector: CustomStringConvertible {
    /// The canonical text: `starts with`/`ends with`/`not in` spelled out,
    /// sets sorted, strings in double quotes unless they contain one, and
    /// parentheses exactly where a nested `&&`/`||` needs them.
    public var description: String {
        switch self {
        case .all: return "all()"
        case .global: return "global()"
        case .has(let label): return "has(\(label))"
        case .equals(let label, let value): return "\(label) == \(Self.quote(value))"
        case .notEquals(let label, let value): return "\(label) != \(Self.quote(value))"
        case .contains(let label, let value): return "\(label) contains \(Self.quote(value))"
        case .startsWith(let label, let value): return "\(label) starts with \(Self.quote(value))"
        case .endsWith(let label, let value): return "\(label) ends with \(Self.quote(value))"
        case .inSet(let label, let values): return "\(label) in {\(values.map(Self.quote).joined(separator: ", "))}"
        case .notInSet(let label, let values): return "\(label) not in {\(values.map(Self.quote).joined(separator: ", "))}"
        case .not(let operand): return "!" + operand.nestedDescription
        case .and(let operands): return operands.map(\.nestedDescription).joined(separator: " && ")
        case .or(let operands): return operands.map(\.nestedDescription).joined(separator: " || ")
        }
    }

    /// The text of an operand of `!`, `&&` or `||`.
    private var nestedDescription: String {
        switch self {
        case .and, .or: return "(\(description))"
        default: return description
        }
    }

    private static func quote(_ value: String) -> String {
        value.contains("\"") ? "'\(value)'" : "\"\(value)\""
    }
}
