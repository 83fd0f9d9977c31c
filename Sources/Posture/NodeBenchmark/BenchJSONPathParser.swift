import PalisadeCore

/// Errors in a JSONPath template.
public struct BenchJSONPathError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Parses Kubernetes JSONPath templates into `BenchJSONPath.Node`s.
struct BenchJSONPathParser {
    private let chars: [Character]
    private var pos = 0
    private static let maxLength = 64 << 10
    private static let maxRangeDepth = 32

    init(_ template: String) {
        chars = Array(template.prefix(Self.maxLength))
    }

    mutating func parseTemplate() throws -> [BenchJSONPath.Node] {
        let (nodes, closedByEnd) = try parseNodes(depth: 0)
        if closedByEnd { throw BenchJSONPathError(message: "not in range, nothing to end") }
        return nodes
    }

    /// Parses until the input ends or an `{end}` closes the current range.
    private mutating func parseNodes(depth: Int) throws -> ([BenchJSONPath.Node], Bool) {
        var nodes: [BenchJSONPath.Node] = []
        var text = ""
        while pos < chars.count {
            guard chars[pos] == "{" else { text.append(chars[pos]); pos += 1; continue }
            if !text.isEmpty { nodes.append(.text(text)); text = "" }
            pos += 1
            let action = try readAction()
            let trimmed = action.trimmingCharacters(in: .whitespaces)
            if trimmed == "end" { return (nodes, true) }
            if trimmed.hasPrefix("range ") || trimmed == "range" {
                guard depth < Self.maxRangeDepth else { throw BenchJSONPathError(message: "range nested too deeply") }
                let steps = try Self.parseSteps(String(trimmed.dropFirst(5)))
                let (body, closed) = try parseNodes(depth: depth + 1)
                guard closed else { throw BenchJSONPathError(message: "unclosed range") }
                nodes.append(.range(steps, body))
            } else if let literal = Self.quotedLiteral(trimmed) {
                nodes.append(.text(literal))
            } else {
                nodes.append(.path(try Self.parseSteps(trimmed)))
            }
        }
        if !text.isEmpty { nodes.append(.text(text)) }
        return (nodes, false)
    }

    /// The text up to the matching `}`, skipping quoted strings.
    private mutating func readAction() throws -> String {
        var action = ""
        var quote: Character?
        while pos < chars.count {
            let c = chars[pos]
            pos += 1
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "}" {
                return action
            }
            action.append(c)
        }
        throw BenchJSONPathError(message: "unclosed action")
    }

    private static func quotedLiteral(_ text: String) -> String? {
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else { return nil }
        let inner = String(text.dropFirst().dropLast())
        return inner.contains(first) ? nil : unescape(inner)
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
    }

    /// Parses `.a.b[0]`, `..x`, `@`, `$` and `['k']` into steps.
    static func parseSteps(_ source: String) throws -> [BenchJSONPath.Step] {
        let chars = Array(source.trimmingCharacters(in: .whitespaces))
        var steps: [BenchJSONPath.Step] = []
        var i = 0
        if i < chars.count, chars[i] == "@" || chars[i] == "$" { i += 1 }
        if chars.isEmpty || (i == chars.count) { return [.current] }
        while i < chars.count {
            switch chars[i] {
            case ".":
                if i + 1 < chars.count, chars[i + 1] == "." { steps.append(.recursive); i += 2; continue }
                i += 1
                let name = readField(chars, &i)
                if name == "*" { steps.append(.wildcard) } else if !name.isEmpty { steps.append(.field(name)) }
            case "[":
                guard let close = chars[i...].firstIndex(of: "]") else { throw BenchJSONPathError(message: "unterminated array") }
                steps.append(try bracket(String(chars[(i + 1)..<close])))
                i = close + 1
            default:
                let name = readField(chars, &i)
                guard !name.isEmpty else { throw BenchJSONPathError(message: "unrecognized character in action: \(chars[i])") }
                steps.append(name == "*" ? .wildcard : .field(name))
            }
        }
        return steps
    }

    /// A field name up to `.` or `[`, honouring `\.` escapes.
    private static func readField(_ chars: [Character], _ i: inout Int) -> String {
        var name = ""
        while i < chars.count, chars[i] != ".", chars[i] != "[" {
            if chars[i] == "\\", i + 1 < chars.count { name.append(chars[i + 1]); i += 2; continue }
            name.append(chars[i])
            i += 1
        }
        return name.trimmingCharacters(in: .whitespaces)
    }

    private static func bracket(_ inner: String) throws -> BenchJSONPath.Step {
        let text = inner.trimmingCharacters(in: .whitespaces)
        if text == "*" { return .wildcard }
        if text.hasPrefix("?") { throw BenchJSONPathError(message: "filter expressions are not supported: [\(text)]") }
        if let literal = quotedLiteral(text) { return .field(literal) }
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count <= 3 else { throw BenchJSONPathError(message: "invalid array index \(text)") }
            func number(_ k: Int) throws -> Int? {
                guard k < parts.count, !parts[k].isEmpty else { return nil }
                guard let n = Int(parts[k]) else { throw BenchJSONPathError(message: "invalid array index \(text)") }
                return n
            }
            return .slice(try number(0), try number(1), try number(2))
        }
        guard let index = Int(text) else { throw BenchJSONPathError(message: "invalid array index \(text)") }
        return .index(index)
    }
}
