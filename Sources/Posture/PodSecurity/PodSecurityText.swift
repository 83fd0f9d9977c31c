import PalisadeCore
/// Message helpers that reproduce upstream's wording and ordering.
enum PodSecurityText {
    /// The singular form for exactly one item, the plural otherwise.
    static func pluralize(_ singular: String, _ plural: String, _ count: Int) -> String {
        count == 1 ? singular : plural
    }

    /// `"a", "b"` (each item in double quotes, without escaping).
    static func joinQuote(_ items: [String]) -> String {
        items.isEmpty ? "" : "\"" + items.joined(separator: "\", \"") + "\""
    }

    /// `container "a"` / `containers "a", "b"`.
    static func containers(_ names: [String]) -> String {
        "\(pluralize("container", "containers", names.count)) \(joinQuote(names))"
    }

    /// Distinct strings in byte order, as Go's sorted string sets list them.
    static func sortedSet<S: Sequence>(_ items: S) -> [String] where S.Element == String {
        Set(items).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Strings in byte order, keeping duplicates.
    static func sorted(_ items: [String]) -> [String] {
        items.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// A Go `%q` rendering: double-quoted with Go escapes.
    static func goQuoted(_ text: String) -> String { GoQuote.quote(text) }

}
