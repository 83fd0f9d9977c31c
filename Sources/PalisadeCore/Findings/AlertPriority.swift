/// The priority of a runtime alert, in Falco's levels from `debug` to `emergency`.
///
/// Priorities are ordered: `debug < informational < notice < warning < error
/// < critical < alert < emergency`.
public enum AlertPriority: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case debug = 0
    case informational = 1
    case notice = 2
    case warning = 3
    case error = 4
    case critical = 5
    case alert = 6
    case emergency = 7

    public static func < (lhs: AlertPriority, rhs: AlertPriority) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name Falco prints in alerts (`"Warning"`).
    public var name: String {
        switch self {
        case .debug: return "Debug"
        case .informational: return "Informational"
        case .notice: return "Notice"
        case .warning: return "Warning"
        case .error: return "Error"
        case .critical: return "Critical"
        case .alert: return "Alert"
        case .emergency: return "Emergency"
        }
    }

    public var description: String { name }

    /// Parses a priority case-insensitively as Falco does (`info` is `informational`).
    public init?(parsing text: String) {
        switch text.findingsTrimmed.lowercased() {
        case "debug": self = .debug
        case "info", "informational": self = .informational
        case "notice": self = .notice
        case "warning", "warn": self = .warning
        case "error", "err": self = .error
        case "critical", "crit": self = .critical
        case "alert": self = .alert
        case "emergency", "emerg": self = .emergency
        default: return nil
        }
    }

    /// The severity an alert of this priority has in reports.
    public var severity: Severity {
        switch self {
        case .debug, .informational: return .info
        case .notice: return .low
        case .warning: return .medium
        case .error: return .high
        case .critical, .alert, .emergency: return .critical
        }
    }
}
