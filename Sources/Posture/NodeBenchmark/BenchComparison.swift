import Foundation
import PalisadeCore

/// The compare operators of kube-bench test items, with its result texts.
///
/// | op | passes when |
/// |---|---|
/// | `eq` / `noteq` | equal / not equal; `true`/`false` in any case compare lowercased |
/// | `gt` `gte` `lt` `lte` | decimal integers compare so (a non-integer fails) |
/// | `has` / `nothave` | the value contains / does not contain the text |
/// | `regex` | the RE2 expression matches somewhere in the value |
/// | `valid_elements` | every comma-separated element is in the allowed list |
/// | `bitmask` | octal mode no more permissive than the given one |
///
/// Any other op fails with an empty expected-result text.
public enum BenchComparison {
    /// The expected-result text and whether `actual` passes.
    public static func evaluate(op: String, actual: String, expected: String, name: String) -> (expected: String, passed: Bool) {
        switch op {
        case "eq": return ("'\(name)' is equal to '\(expected)'", equals(actual, expected))
        case "noteq": return ("'\(name)' is not equal to '\(expected)'", !equals(actual, expected))
        case "gt", "gte", "lt", "lte": return ordering(op, actual: actual, expected: expected, name: name)
        case "has": return ("'\(name)' has '\(expected)'", contains(actual, expected))
        case "nothave": return ("'\(name)' does not have '\(expected)'", !contains(actual, expected))
        case "regex": return ("'\(name)' matched by regex expression '\(expected)'", regexMatches(expected, actual))
        case "valid_elements":
            return ("'\(name)' contains valid elements from '\(expected)'", allValid(elements(actual), allowed: elements(expected)))
        case "bitmask": return bitmask(actual: actual, expected: expected, name: name)
        default: return ("", false)
        }
    }

    private static func equals(_ actual: String, _ expected: String) -> Bool {
        let lowered = actual.lowercased()
        if lowered == "true" || lowered == "false" { return lowered == expected }
        return actual == expected
    }

    /// Go's strings.Contains works on bytes; compare UTF-8 so combining marks do not hide matches.
    private static func contains(_ text: String, _ part: String) -> Bool {
        part.isEmpty || Array(text.utf8).firstRange(of: Array(part.utf8)) != nil
    }

    private static func ordering(_ op: String, actual: String, expected: String, name: String) -> (String, Bool) {
        guard let a = goAtoi(actual), let b = goAtoi(expected) else {
            return ("Invalid Number(s) used for comparison: '\(actual)' '\(expected)'", false)
        }
        switch op {
        case "gt": return ("'\(name)' is greater than \(expected)", a > b)
        case "gte": return ("'\(name)' is greater or equal to \(expected)", a >= b)
        case "lt": return ("'\(name)' is lower than \(expected)", a < b)
        default: return ("'\(name)' is lower or equal to \(expected)", a <= b)
        }
    }

    private static func bitmask(actual: String, expected: String, name: String) -> (String, Bool) {
        guard let requested = Int64(actual, radix: 8) else { return ("Not numeric value - flag: \(actual)", false) }
        guard let allowed = Int64(expected, radix: 8) else { return ("Not numeric value - flag: \(expected)", false) }
        return ("\(name) has permissions \(actual), expected \(expected) or more restrictive", allowed & requested == requested)
    }

    private static func regexMatches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? RE2Regex(pattern) else { return false }
        return regex.matches(text)
    }

    /// strconv.Atoi after TrimSpace: optional sign, decimal digits, no overflow.
    static func goAtoi(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return Int(trimmed, radix: 10)
    }

    /// Comma-separated elements, trailing commas dropped, each trimmed.
    static func elements(_ text: String) -> [String] {
        var cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while cleaned.hasSuffix(",") { cleaned.removeLast() }
        guard !cleaned.isEmpty else { return [] }
        return cleaned.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    private static func allValid(_ given: [String], allowed: [String]) -> Bool {
        if given.isEmpty || allowed.isEmpty { return given.isEmpty && allowed.isEmpty }
        let allowedSet = Set(allowed)
        return given.allSatisfy(allowedSet.contains)
    }
}
