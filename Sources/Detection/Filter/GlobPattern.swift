/// A shell glob (`*`, `?`, `[...]`) matched against a whole string, as
/// fnmatch without flags; `caseInsensitive` gives `iglob`.
public struct GlobPattern: Sendable, Hashable {
    let pattern: [Character]
    let caseInsensitive: Bool

    public init(_ pattern: String, caseInsensitive: Bool = false) {
        self.pattern = Array(caseInsensitive ? pattern.lowercased() : pattern)
        self.caseInsensitive = caseInsensitive
    }

    public func matches(_ text: String) -> Bool {
        let chars = Array(caseInsensitive ? text.lowercased() : text)
        return match(chars)
    }

    /// Iterative matcher with single-star backtracking (linear in practice).
    private func match(_ text: [Character]) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                starP = p
                starT = t
                p += 1
                continue
            }
            if p < pattern.count, let next = matchOne(at: p, text[t]) {
                p = next
                t += 1
                continue
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starT += 1
            t = starT
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Matches one pattern element at `p`; returns the next pattern index.
    private func matchOne(at p: Int, _ char: Character) -> Int? {
        switch pattern[p] {
        case "?": return p + 1
        case "[": return matchClass(at: p, char)
        case "\\" where p + 1 < pattern.count: return pattern[p + 1] == char ? p + 2 : nil
        default: return pattern[p] == char ? p + 1 : nil
        }
    }

    private func matchClass(at start: Int, _ char: Character) -> Int? {
        var i = start + 1
        var negate = false
        if i < pattern.count, pattern[i] == "!" || pattern[i] == "^" { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.count, pattern[i] != "]" || first {
            first = false
            if i + 2 < pattern.count, pattern[i + 1] == "-", pattern[i + 2] != "]" {
                if pattern[i] <= char && char <= pattern[i + 2] { matched = true }
                i += 3
            } else {
                if pattern[i] == char { matched = true }
                i += 1
            }
        }
        guard i < pattern.count else { return pattern[start] == char ? start + 1 : nil }
        return matched != negate ? i + 1 : nil
    }
}
