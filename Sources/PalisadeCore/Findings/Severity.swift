/// How serious a finding is, from `info` (nothing to fix) to `critical`.
///
/// Severities are ordered: `info < low < medium < high < critical`.
public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case info = 0
    case low = 1
    case medium = 2
    case high = 3
    case critical = 4

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The lower-case name used in reports and JSON (`"high"`).
    public var name: String {
        switch self {
        case .info: return "info"
        case .low: return "low"
        case .medium: return "medium"
        case .high: return "high"
        case .critical: return "critical"
        }
    }

    public var description: String { name }

    /// Parses a severity case-insensitively, ignoring surrounding spaces.
    ///
    /// Besides the five names it accepts the spellings other tools use:
    /// `informational`, `none`, `negligible`, `unknown` (info), `moderate` (medium),
    /// `important` (high). Returns nil for anything else.
    public init?(parsing text: String) {
        switch text.findingsTrimmed.lowercased() {
        case "info", "informational", "none", "negligible", "unknown": self = .info
        case "low": self = .low
        case "medium", "moderate": self = .medium
        case "high", "important": self = .high
        case "critical": self = .critical
        default: return nil
        }
    }

    /// Parses a severity or throws an error naming the accepted values.
    public static func parse(_ text: String, at location: SourceLocation? = nil) throws -> Severity {
        guard let severity = Severity(parsing: text) else {
            throw InputError("unknown severity '\(text)', expected one of info, low, medium, high, critical", at: location)
        }
        return severity
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var findingsTrimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
