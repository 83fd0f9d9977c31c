/// The compiled rules in definition order, indexed by source and event type
/// so an event is only tested against the rules that can match it.
public struct RuleSet: Sendable {
    public private(set) var rules: [CompiledRule]
    /// source → event type → rule indices (ascending).
    private var byType: [String: [String: [Int]]] = [:]
    /// source → indices of rules that match any event type.
    private var generic: [String: [Int]] = [:]
    /// source → event type → `generic` merged with `byType`, built once.
    private var merged: [String: [String: [Int]]] = [:]

    public init(rules: [CompiledRule]) {
        self.rules = rules
        for (index, rule) in rules.enumerated() where rule.isEnabled {
            if case .only(let types) = rule.eventTypes {
                for type in types { byType[rule.source, default: [:]][type, default: []].append(index) }
            } else {
                generic[rule.source, default: []].append(index)
            }
        }
        for (source, types) in byType {
            for (type, typed) in types { merged[source, default: [:]][type] = Self.merge(generic[source] ?? [], typed) }
        }
    }

    /// The enabled rules.
    public var enabledRules: [CompiledRule] { rules.filter(\.isEnabled) }

    /// The rule named `name`, if it compiled.
    public func rule(named name: String) -> CompiledRule? {
        rules.first { $0.name == name }
    }

    /// Indices of the enabled rules that may match an event, in rule order.
    public func candidates(source: String, eventType: String?) -> [Int] {
        let any = generic[source] ?? []
        guard let eventType else {
            return Array(Set(any + (byType[source]?.values.flatMap { $0 } ?? []))).sorted()
        }
        return merged[source]?[eventType] ?? any
    }

    /// The enabled rules matching `event`, in order; `firstOnly` is Falco's
    /// default `rule_matching: first`.
    public func matches(_ event: some FieldSource, firstOnly: Bool = true) -> [CompiledRule] {
        var found: [CompiledRule] = []
        for index in candidates(source: event.source, eventType: event.eventType) {
            if let type = event.eventType, !rules[index].eventTypes.contains(type) { continue }
            guard rules[index].filter.matches(event) else { continue }
            found.append(rules[index])
            if firstOnly { break }
        }
        return found
    }

    static func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        return out
    }
}
