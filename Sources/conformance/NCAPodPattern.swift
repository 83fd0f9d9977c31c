import Foundation

/// One entry of an NCA fw-rule pod list: `*`, a workload or pod name, or a
/// label expression (`app=a`, `app!=a`, `app in (a,b)`, `app not in (a,b)`,
/// `has(app)`, `!has(app)`, joined by `and` / `or`, grouped by `(..)` or `{..}`).
indirect enum NCAPodPattern {
    case any
    case name(String)
    case equals(String, String)
    case notEquals(String, String)
    case isIn(String, [String])
    case notIn(String, [String])
    case has(String)
    case hasNot(String)
    case and([NCAPodPattern])
    case or([NCAPodPattern])

    func matches(labels: [String: String], names: Set<String>) -> Bool {
        switch self {
        case .any: return true
        case .name(let n): return names.contains(n)
        case .equals(let k, let v): return labels[k] == v
        case .notEquals(let k, let v): return labels[k] != v
        case .isIn(let k, let vs): return labels[k].map(vs.contains) ?? false
        case .notIn(let k, let vs): return labels[k].map { !vs.contains($0) } ?? true
        case .has(let k): return labels[k] != nil
        case .hasNot(let k): return labels[k] == nil
        case .and(let ps): return ps.allSatisfy { $0.matches(labels: labels, names: names) }
        case .or(let ps): return ps.contains { $0.matches(labels: labels, names: names) }
        }
    }

    /// Items of a txt list (`a, b` or one expression).
    static func parseList(_ content: String) -> [NCAPodPattern] {
        content.components(separatedBy: ", ").map { parseItem($0.trimmingCharacters(in: .whitespaces)) }
    }

    static func parseItem(_ item: String) -> NCAPodPattern {
        if item == "*" { return .any }
        let isExpression = item.contains("=") || item.contains("has(") || item.contains(" in (")
        guard isExpression else { return .name(item) }
        var parser = Parser(text: Array(item))
        return parser.parseOr()
    }

    private struct Parser {
        var text: [Character]
        var i = 0

        mutating func skipSpaces() { while i < text.count && text[i] == " " { i += 1 } }

        mutating func keyword(_ word: String) -> Bool {
            skipSpaces()
            let chars = Array(word)
            guard i + chars.count <= text.count, Array(text[i..<i + chars.count]) == chars else { return false }
            i += chars.count
            return true
        }

        mutating func parseOr() -> NCAPodPattern {
            var parts = [parseAnd()]
            while keyword(" or ") || keyword("or ") { parts.append(parseAnd()) }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func parseAnd() -> NCAPodPattern {
            var parts = [parseAtom()]
            while keyword("and ") { parts.append(parseAtom()) }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func parseAtom() -> NCAPodPattern {
            skipSpaces()
            if keyword("(") || keyword("{") {
                let inner = parseOr()
                skipSpaces()
                if i < text.count && (text[i] == ")" || text[i] == "}") { i += 1 }
                return inner
            }
            if keyword("!has(") { return .hasNot(readUntil(")", consume: true)) }
            if keyword("has(") { return .has(readUntil(")", consume: true)) }
            let key = readKey()
            if keyword("!=") { return .notEquals(key, readValue()) }
            if keyword("=") { return .equals(key, readValue()) }
            if keyword("not in (") { return .notIn(key, readUntil(")", consume: true).components(separatedBy: ",")) }
            if keyword("in (") { return .isIn(key, readUntil(")", consume: true).components(separatedBy: ",")) }
            return .name(key)
        }

        mutating func readUntil(_ end: Character, consume: Bool) -> String {
            var out = ""
            while i < text.count && text[i] != end { out.append(text[i]); i += 1 }
            if consume && i < text.count { i += 1 }
            return out
        }

        mutating func readKey() -> String {
            skipSpaces()
            var out = ""
            while i < text.count && !" =!()}{".contains(text[i]) { out.append(text[i]); i += 1 }
            return out
        }

        mutating func readValue() -> String {
            var out = ""
            while i < text.count && !" )}".contains(text[i]) { out.append(text[i]); i += 1 }
            return out
        }
    }
}
