import PalisadeCore

/// An error or warning from loading rules files, with Falco's code
/// (`LOAD_ERR_YAML_PARSE`, `LOAD_UNKNOWN_KEY`, …) and the item's file:line.
public struct RulesDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var code: String
    public var message: String
    public var location: SourceLocation
    /// The item the diagnostic is about, when known.
    public var item: RulesItemRef?

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation, item: RulesItemRef? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.item = item
    }

    public var description: String {
        let subject = item.map { " (\($0))" } ?? ""
        return "\(location): \(severity.rawValue) \(code)\(subject): \(message)"
    }
}

/// The kind (`rule`, `macro`, `list`, `required_engine_version`, …) and name
/// of the rules-file item a diagnostic concerns.
public struct RulesItemRef: Sendable, Hashable, CustomStringConvertible {
    public var type: String
    public var name: String

    public init(_ type: String, _ name: String) {
        self.type = type
        self.name = name
    }

    public var description: String { name.isEmpty ? type : "\(type) '\(name)'" }
}
