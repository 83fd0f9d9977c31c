/// A runtime result: a detection rule matched an event.
///
/// The JSON form (`toValue()`) uses Falco's field names (`time`, `rule`,
/// `priority`, `source`, `output`, `output_fields`, `tags`, `hostname`) plus
/// Palisade's `id`, `severity`, `resource` and `mappings`.
public struct Alert: Sendable, Hashable {
    /// Stable id: by default derived from time, rule, source and output.
    public var id: String
    public var time: Timestamp
    public var rule: String
    public var priority: AlertPriority
    /// The event source (`syscall`, `k8s_audit`, ...).
    public var source: String
    /// The rendered output line.
    public var output: String
    /// The values of the fields the output names (`proc.name` → `"bash"`).
    public var fields: [String: Value]
    public var tags: Set<String>
    public var hostname: String?
    /// The Kubernetes object involved, when the event names one.
    public var resource: ResourceRef?
    public var mappings: [ControlMapping]

    public init(id: String? = nil, time: Timestamp, rule: String, priority: AlertPriority, source: String,
                output: String, fields: [String: Value] = [:], tags: Set<String> = [], hostname: String? = nil,
                resource: ResourceRef? = nil, mappings: [ControlMapping] = []) {
        self.id = id ?? StableID.make([String(time.nanoseconds), rule, source, output])
        self.time = time
        self.rule = rule
        self.priority = priority
        self.source = source
        self.output = output
        self.fields = fields
        self.tags = tags
        self.hostname = hostname
        self.resource = resource
        self.mappings = mappings.normalized()
    }

    /// The severity reports show, derived from the priority.
    public var severity: Severity { priority.severity }

    /// Deterministic JSON form (keys sorted by the writer, tags sorted here).
    public func toValue() -> Value {
        var object: [String: Value] = [
            "id": .string(id), "time": .string(time.rfc3339), "rule": .string(rule),
            "priority": .string(priority.name), "severity": .string(severity.name),
            "source": .string(source), "output": .string(output),
            "output_fields": .object(fields: fields), "tags": .array(tags.sorted().map(Value.string)),
        ]
        if let hostname { object["hostname"] = .string(hostname) }
        if let resource { object["resource"] = resource.toValue() }
        if !mappings.isEmpty { object["mappings"] = .array(mappings.normalized().map { $0.toValue() }) }
        return .object(fields: object)
    }
}

extension Alert: Comparable {
    /// Time order; ties broken by rule, then id.
    public static func < (lhs: Alert, rhs: Alert) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.id < rhs.id
    }
}
