import PalisadeCore

/// Runs compiled rules over events: the rules that can match an event's
/// source and type are tried in rule order, and each match becomes a
/// Falco-formatted `Alert` (only the first with `rule_matching: first`).
public final class DetectionEngine: Sendable {
    /// The rules taking part, in rule order, with their output templates.
    public let rules: [CompiledRule]
    let templates: [OutputTemplate]
    /// What every alert of a rule shares, prepared once.
    let alertInfo: [RuleAlertInfo]
    let dispatch: DispatchTable
    /// Each rule's condition flattened for evaluation, in rule order.
    let programs: ContiguousArray<FilterProgram>
    public let options: DetectionOptions
    public let counters: DetectionCounters
    let factory: AlertFactory

    public init(rules ruleSet: RuleSet, options: DetectionOptions = DetectionOptions()) {
        let selected = ruleSet.rules.filter(options.selects)
        rules = selected
        templates = selected.map { OutputTemplate($0.output, source: $0.source) }
        alertInfo = selected.map(RuleAlertInfo.init)
        dispatch = DispatchTable(rules: selected)
        programs = ContiguousArray(selected.map(Self.program))
        self.options = options
        counters = DetectionCounters(rules: selected.count)
        factory = AlertFactory(hostname: options.hostname, options: options.format)
    }

    /// The alerts `event` raises, in rule order.
    @_specialize(where Event == AuditEvent)
    @_specialize(where Event == SyscallEvent)
    public func process<Event: FieldSource>(_ event: Event) -> [Alert] {
        var alerts: [Alert] = []
        let firstOnly = options.ruleMatching == .first
        let matched = forEachMatch(event) { index in
            alerts.append(factory.alert(info: alertInfo[index], template: templates[index], event: event,
                                        stableID: options.stableAlertIDs))
            return !firstOnly
        }
        counters.record(matched: matched)
        return alerts
    }

    /// Indices (into `rules`) of the rules matching `event`, without building alerts.
    @_specialize(where Event == AuditEvent)
    @_specialize(where Event == SyscallEvent)
    public func matchingRules<Event: FieldSource>(_ event: Event) -> [Int] {
        var matched: [Int] = []
        let firstOnly = options.ruleMatching == .first
        _ = forEachMatch(event) { index in
            matched.append(index)
            return !firstOnly
        }
        return matched
    }

    /// Calls `body` with each matching rule index in rule order while it
    /// returns true; returns the single matched index when exactly one
    /// matched (the common case), for the counters.
    @inline(__always)
    func forEachMatch<Event: FieldSource>(_ event: Event, _ body: (Int) -> Bool) -> MatchSummary {
        let source = event.source
        if let enabled = options.enabledSources, !enabled.contains(source) { return .none }
        let eventType = event.eventType
        var summary = MatchSummary.none
        for index in dispatch.candidates(event, source: source, eventType: eventType) {
            // Index in place: copying a CompiledRule costs a dozen retains per candidate.
            if let eventType, case .allExcept(let excluded) = rules[index].eventTypes, excluded.contains(eventType) { continue }
            guard programs[index].matches(event) else { continue }
            summary.add(index)
            guard body(index) else { break }
        }
        return summary
    }
}

extension DetectionEngine {
    /// The rule's flattened condition; for syscall rules dispatched by event
    /// type, `evt.type` checks the dispatch already guarantees become constants.
    static func program(_ rule: CompiledRule) -> FilterProgram {
        guard rule.source == "syscall", case .only(let allowed) = rule.eventTypes else {
            return FilterProgram(rule.filter)
        }
        return FilterProgram(rule.filter) { EventTypeImplication.isImplied($0, allowed: allowed) }
    }
}

/// The rules an event matched, without an array for the usual zero or one.
enum MatchSummary {
    case none
    case one(Int)
    case many([Int])

    mutating func add(_ index: Int) {
        switch self {
        case .none: self = .one(index)
        case .one(let first): self = .many([first, index])
        case .many(var list): list.append(index); self = .many(list)
        }
    }
}
