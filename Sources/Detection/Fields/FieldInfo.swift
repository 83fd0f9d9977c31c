/// One field known to the filter compiler: its name, type, argument and the
/// event sources that provide it.
public struct FieldInfo: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var argument: FieldArgument
    /// True when the field yields several values (plugin list fields).
    public var isList: Bool
    /// Sources providing the field; nil means every source.
    public var sources: Set<String>?
    /// A dense number assigned by the registry, so an event can look fields
    /// up in an array instead of by name.
    public internal(set) var id = 0

    public init(name: String, type: FieldType, argument: FieldArgument = .none,
                isList: Bool = false, sources: Set<String>? = nil) {
        self.name = name
        self.type = type
        self.argument = argument
        self.isList = isList
        self.sources = sources
    }

    /// Whether the field can be used in a rule of `source`.
    public func isAvailable(in source: String) -> Bool {
        sources?.contains(source) ?? true
    }
}
