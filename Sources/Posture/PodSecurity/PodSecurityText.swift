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
    static func goQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            out += goEscaped(scalar)
        }
        return out + "\""
    }

    private static func goEscaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default: break
        }
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return "\\x" + hex(value, width: 2) }
        if isGoPrintable(scalar) { return String(scalar) }
        if value < 0x10000 { return "\\u" + hex(value, width: 4) }
        return "\\U" + hex(value, width: 8)
    }

    /// Approximates Go's `strconv.IsPrint` with Unicode general categories.
    private static func isGoPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
