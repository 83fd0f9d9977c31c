import PalisadeCore

/// Glob patterns as github.com/gobwas/glob (v0.2.3) parses them, matched by
/// translation to an RE2 expression so matching stays linear:
///
///  - `*` any run of non-separator characters, `**` any run of characters,
///  - `?` one non-separator character,
///  - `[abc]`, `[a-z]` and the negations `[!abc]`, `[!a-z]` one character,
///  - `{a,b*,c}` alternatives (nestable), `\x` a literal `x`.
struct PatternsGlob {
    indirect enum Node {
        case text([Unicode.Scalar])
        case any, superAny, single
        case list([Unicode.Scalar], negated: Bool)
        case range(Unicode.Scalar, Unicode.Scalar, negated: Bool)
        case anyOf([[Node]])
    }

    struct SyntaxError: Error {
        let message: String
    }

    /// Deepest `{...}` nesting accepted (gobwas has no limit; this keeps translation shallow).
    static let maxNesting = 64

    let regex: RE2Regex

    init(_ pattern: String, separators: [Unicode.Scalar]) throws {
        var parser = PatternsGlobParser(pattern)
        let nodes = try parser.parse()
        let source = "(?s)^" + Self.translate(nodes, separators: separators) + "$"
        do {
            regex = try RE2Regex(source)
        } catch {
            throw SyntaxError(message: error.description)
        }
    }

    func matches(_ text: String) -> Bool { regex.matches(text) }

    static func escape(_ c: Unicode.Scalar) -> String {
        "\\x{" + String(c.value, radix: 16) + "}"
    }

    static func translate(_ nodes: [Node], separators: [Unicode.Scalar]) -> String {
        let notSeparator = separators.isEmpty ? "." : "[^" + separators.map(escape).joined() + "]"
        var out = ""
        for node in nodes {
            switch node {
            case .text(let scalars):
                out += scalars.map(escape).joined()
            case .any:
                out += notSeparator + "*"
            case .superAny:
                out += ".*"
            case .single:
                out += notSeparator
            case .list(let scalars, let negated):
                out += "[" + (negated ? "^" : "") + scalars.map(escape).joined() + "]"
            case .range(let lo, let hi, let negated):
                out += "[" + (negated ? "^" : "") + escape(lo) + "-" + escape(hi) + "]"
            case .anyOf(let alternatives):
                out += "(?:" + alternatives.map { translate($0, separators: separators) }.joined(separator: "|") + ")"
            }
        }
        return out
    }

    /// gobwas' `QuoteMeta`: backslash before each of `*?\[]{}`.
    static func quoteMeta(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if "*?\\[]{}".unicodeScalars.contains(c) { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
