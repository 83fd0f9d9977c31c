/// Shell-style wildcard matching for exception fields: `*` is any run of
/// characters, `?` one character; everything else matches itself.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    private let characters: [Character]

    public init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    public var description: String { text }

    /// Iterative matcher with single-star backtracking: linear in practice, no recursion.
    public func matches(_ candidate: String) -> Bool {
        let subject = Array(candidate)
        var p = 0, s = 0
        var starP = -1, starS = 0
        while s < subject.count {
            if p < characters.count, characters[p] == "?" || characters[p] == subject[s] {
                p += 1
                s += 1
            } else if p < characters.count, characters[p] == "*" {
                starP = p
                starS = s
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starS += 1
                s = starS
            } else {
                return false
            }
        }
        while p < characters.count, characters[p] == "*" { p += 1 }
        return p == characters.count
    }
}
