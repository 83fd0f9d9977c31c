/// Which rules to try for an event, built once: per source, per event type
/// the indices of the rules restricted to that type merged with the rules
/// that match every type, in rule order (Falco's per-event-type rulesets).
struct DispatchTable: Sendable {
    struct SourceRules: Sendable {
        var byType: [String: [Int]] = [:]
        /// Rules without an event-type restriction (also used for unknown types).
        var generic: [Int] = []
        /// Every rule of the source, for events that have no type.
        var all: [Int] = []
        /// Prunes `all` by one field's value, for events that have no type.
        var keyIndex: RuleKeyIndex?
    }

    private(set) var sources: [String: SourceRules] = [:]

    init(rules: [CompiledRule]) {
        var typed: [String: [String: [Int]]] = [:]
        for (index, rule) in rules.enumerated() {
            sources[rule.source, default: SourceRules()].all.append(index)
            switch rule.eventTypes {
            case .only(let types):
                for type in types { typed[rule.source, default: [:]][type, default: []].append(index) }
            case .all, .allExcept:
                sources[rule.source, default: SourceRules()].generic.append(index)
            }
        }
        for (source, types) in typed {
            let generic = sources[source]?.generic ?? []
            for (type, indices) in types {
                sources[source]?.byType[type] = RuleSet.merge(generic, indices)
            }
        }
        for (source, entry) in sources where entry.byType.isEmpty {
            sources[source]?.keyIndex = RuleKeyIndex(rules: rules, indices: entry.all)
        }
    }

    /// The candidate rules, in order; `allExcept` rules still need their own check.
    @inline(__always)
    func candidates<Event: FieldSource>(_ event: Event, source: String, eventType: String?) -> [Int] {
        guard let rules = sources[source] else { return [] }
        guard let eventType else {
            guard let keyIndex = rules.keyIndex else { return rules.all }
            return keyIndex.candidates(FieldEvaluator.value(keyIndex.field, event))
        }
        return rules.byType[eventType] ?? rules.generic
    }
}
