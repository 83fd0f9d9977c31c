import PalisadeCore

/// A `list` item after appends and overrides.
public struct ListDefinition: Sendable, Hashable {
    public var name: String
    public var items: [String]
    public var location: SourceLocation
    /// Position of the first definition among all items loaded.
    public var index = 0
    /// Position of the latest definition, append or override: only lists
    /// (for lists) or macros (for macros) with a smaller index are visible.
    public var visibility = 0
}

/// A `macro` item after appends and overrides.
public struct MacroDefinition: Sendable, Hashable {
    public var name: String
    public var condition: String
    public var location: SourceLocation
    /// See `ListDefinition.index`.
    public var index = 0
    /// See `ListDefinition.visibility`.
    public var visibility = 0
}

/// A value in an exception tuple: a string or a nested list (for `in`).
public indirect enum ExceptionValue: Sendable, Hashable {
    case item(String)
    case list([ExceptionValue])
}

/// Either one name or a list of names (exception `fields`/`comps`).
public enum ExceptionNames: Sendable, Hashable {
    case single(String)
    case multiple([String])

    var isList: Bool {
        if case .multiple = self { return true }
        return false
    }
}

/// One entry of a rule's `exceptions`.
public struct RuleException: Sendable, Hashable {
    public var name: String
    public var fields: ExceptionNames?
    public var comps: ExceptionNames?
    public var values: [ExceptionValue]
    public var location: SourceLocation
}

/// A `rule` item after appends and overrides, before compilation.
public struct RuleDefinition: Sendable, Hashable {
    public var name: String
    public var condition: String
    public var output: String
    public var description: String
    public var priority: AlertPriority
    public var source: String
    public var enabled: Bool
    public var tags: [String]
    public var exceptions: [RuleException]
    public var warnEventTypes: Bool
    public var skipIfUnknownFilter: Bool
    public var capture: Bool
    public var captureDuration: UInt64
    public var location: SourceLocation
}

/// A required plugin with its accepted alternatives.
public struct PluginRequirement: Sendable, Hashable {
    public var name: String
    public var version: String
    public var alternatives: [PluginRequirement]
}
