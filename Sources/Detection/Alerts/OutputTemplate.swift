import PalisadeCore

/// A rule's output format split once into literal text and compiled field
/// references (`%proc.name`, `%proc.aname[2]`, `%tolower(fd.name)`, `%(ka.verb)`),
/// so rendering an alert only extracts and concatenates.
public struct OutputTemplate: Sendable {
    public enum Part: Sendable {
        case text(String)
        /// The token as written (the `output_fields` key) and its evaluator.
        case field(name: String, CompiledField)
    }

    public let parts: [Part]
    /// The number of field parts (an upper bound of `output_fields` entries).
    let fieldCount: Int

    /// Compiles `format` for `source`; a token that does not compile stays literal text.
    public init(_ format: String, source: String, registry: FieldRegistry = .standard) {
        var parts: [Part] = []
        var literal = ""
        let chars = Array(format)
        var index = 0
        while index < chars.count {
            guard chars[index] == "%", index + 1 < chars.count,
                  let (token, end) = Self.resolvedToken(chars, at: index + 1, source: source, registry: registry),
                  let field = Self.compile(token, source: source, registry: registry) else {
                literal.append(chars[index])
                index += 1
                continue
            }
            if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
            parts.append(.field(name: token, field))
            index = end
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        self.parts = parts
        fieldCount = parts.reduce(0) { count, part in
            if case .field = part { return count + 1 }
            return count
        }
    }

    /// The field tokens, in order, without duplicates.
    public var fieldNames: [String] {
        var seen: Set<String> = []
        return parts.compactMap { part in
            guard case .field(let name, _) = part, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// A token that compiles; a trailing `.` is punctuation, not part of the field.
    static func resolvedToken(_ chars: [Character], at start: Int, source: String, registry: FieldRegistry) -> (String, Int)? {
        guard var (token, end) = token(chars, at: start) else { return nil }
        while compile(token, source: source, registry: registry) == nil, token.hasSuffix(".") {
            token.removeLast()
            end -= 1
        }
        return (token, end)
    }

    /// The token after a `%` at `start`, and where it ends.
    static func token(_ chars: [Character], at start: Int) -> (String, Int)? {
        if chars[start] == "(" {
            guard let close = chars[start...].firstIndex(of: ")"), close > start + 1 else { return nil }
            return (String(chars[(start + 1)..<close]), close + 1)
        }
        guard chars[start].isLetter else { return nil }
        var end = start
        while end < chars.count, chars[end].isLetter || chars[end].isNumber || chars[end] == "_" || chars[end] == "." { end += 1 }
        end = OutputFormat.closing(chars, from: end)
        return (String(chars[start..<end]), end)
    }

    static func compile(_ token: String, source: String, registry: FieldRegistry) -> CompiledField? {
        guard let expr = try? FilterParser.parse(token + " exists"), case .check(let check) = expr else { return nil }
        var compiler = FilterCompiler(registry: registry, source: source)
        return try? compiler.compileField(check.lhs, top: true)
    }
}
