/// An RFC 6901 pointer (`/a/b/0`, leading `/` optional) split and unescaped
/// once, when a `json.value[...]`/`jevt.value[...]` field is compiled, so an
/// event only compares keys.
public struct JSONPointer: Sendable, Hashable {
    public struct Token: Sendable, Hashable {
        /// The unescaped key (`~1` → `/`, `~0` → `~`).
        public var key: String
        /// The key as an array index, when it is a non-negative integer.
        public var index: Int?
    }

    public let tokens: [Token]

    public init(_ text: String) {
        var rest = Substring(text)
        if rest.first == "/" { rest = rest.dropFirst() }
        tokens = rest.split(separator: "/", omittingEmptySubsequences: false).map { raw in
            let key = JSONPointer.unescape(raw)
            return Token(key: key, index: Int(key).flatMap { $0 >= 0 ? $0 : nil })
        }
    }

    /// RFC 6901 escapes: `~1` is `/`, `~0` is `~`; any other `~` stays.
    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        var out = ""
        var iterator = token.makeIterator()
        while let char = iterator.next() {
            guard char == "~" else { out.append(char); continue }
            switch iterator.next() {
            case "1": out.append("/")
            case "0": out.append("~")
            case let other?: out.append("~"); out.append(other)
            case nil: out.append("~")
            }
        }
        return out
    }

    /// Field names whose argument is a JSON pointer.
    static func applies(to field: String) -> Bool {
        field == "jevt.value" || field == "json.value"
    }
}
