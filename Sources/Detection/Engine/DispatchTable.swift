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
        /// `byType` for the per-event lookup.
        var typeTable = EventTypeTable([:])
    }

    private(set) var sources: [String: SourceRules] = [:]
    /// `sources` as parallel arrays: an engine sees one or two sources, and
    /// comparing a short name is cheaper than hashing it.
    private var sourceNames: [String] = []
    private var sourceEntries: [SourceRules] = []

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
        for (source, entry) in sources.sorted(by: { $0.key < $1.key }) {
            var entry = entry
            entry.typeTable = EventTypeTable(entry.byType)
            sourceNames.append(source)
            sourceEntries.append(entry)
        }
    }

    /// The candidate rules, in order; `allExcept` rules still need their own check.
    @inline(__always)
    func candidates<Event: FieldSource>(_ event: Event, source: String, eventType: String?) -> [Int] {
        for position in sourceNames.indices where sourceNames[position] == source {
            guard let eventType else {
                guard let keyIndex = sourceEntries[position].keyIndex else { return sourceEntries[position].all }
                return keyIndex.candidates(FieldEvaluator.value(keyIndex.field, event))
            }
            return sourceEntries[position].typeTable.rules(for: eventType) ?? sourceEntries[position].generic
        }
        return []
    }
}
