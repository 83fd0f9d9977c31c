/// A rule ready to run: its definition, the expanded condition and its
/// compiled evaluator, and the event types it can match.
public struct CompiledRule: Sendable {
    public var definition: RuleDefinition
    /// The condition with macros, lists and exceptions expanded.
    public var condition: FilterExpr
    public var filter: CompiledFilter
    public var eventTypes: EventTypeSet
    /// The output format to render (deprecated `%container.info` removed).
    public var output: String

    public var name: String { definition.name }
    public var source: String { definition.source }
    public var isEnabled: Bool { definition.enabled }

    /// The expanded condition as `falco -L` prints it ("condition_compiled").
    public var compiledCondition: String { FilterPrinter.string(condition) }

    /// Whether the rule matches `event` (its source and event type must fit).
    public func matches(_ event: some FieldSource) -> Bool {
        guard event.source == source else { return false }
        if let type = event.eventType, !eventTypes.contains(type) { return false }
        return filter.matches(event)
    }
}
