/// gqlparser's "Did you mean ...?" helpers.
enum GraphQLSuggestions {
    /// Options within a lexical distance of `input`, closest first.
    static func list(_ input: String, _ options: [String]) -> [String] {
        let threshold = max(1, Int((Double(input.utf8.count) * 0.4).rounded(.down)) + 1)
        var scored: [(String, Int)] = []
        for option in options {
            let distance = lexicalDistance(input, option)
            if distance <= threshold { scored.append((option, distance)) }
        }
        // Stable, like Go's insertion sort on the short lists involved.
        return scored.enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map { $0.element.0 }
    }

    static func orList(_ items: [String]) -> String {
        let items = Array(items.prefix(5))
        if items.count == 2 { return items[0] + " or " + items[1] }
        var out = ""
        for (i, item) in items.enumerated() {
            if i != 0 { out += i == items.count - 1 ? ", or " : ", " }
            out += item
        }
        return out
    }

    static func quotedOrList(_ items: [String]) -> String {
        orList(items.map { "\"" + $0 + "\"" })
    }

    /// `message` followed by " PREFIX "a", "b", or "c"?" when there are suggestions.
    static func suffix(_ prefix: String, _ typed: String, _ options: [String], quoted: Bool = true) -> String {
        let suggested = list(typed, options)
        guard !suggested.isEmpty else { return "" }
        return " " + prefix + " " + (quoted ? quotedOrList(suggested) : orList(suggested)) + "?"
    }

    private static func lexicalDistance(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let la = a.lowercased(), lb = b.lowercased()
        if la == lb { return 1 }
        return levenshtein(Array(la.unicodeScalars), Array(lb.unicodeScalars))
    }

    private static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        // Suggestions are a courtesy; do not spend quadratic time on hostile lengths.
        if a.count > 512 || b.count > 512 { return Int.max }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
