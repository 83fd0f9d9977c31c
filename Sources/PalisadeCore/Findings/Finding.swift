/// A static result: one rule (control) checked against one resource.
///
/// Findings are plain values; `toValue()` gives their deterministic JSON form
/// and `sortedForReport()` the order reports use.
public struct Finding: Sendable, Hashable {
    /// Stable id: by default derived from rule, resource identity and path.
    public var id: String
    /// The rule or control id (`"C-0017"`, `"1.2.3"`, `"privileged"`).
    public var ruleID: String
    public var title: String
    public var severity: Severity
    /// The resource the finding concerns; nil for findings about no single object.
    public var resource: ResourceRef?
    /// Where in the resource the problem is (`spec.template.spec.containers[0].securityContext`).
    public var path: String?
    public var message: String
    public var remediation: String
    public var mappings: [ControlMapping]
    public var status: FindingStatus
    /// Extra, engine-specific evidence (expected/actual values); `.null` when none.
    public var details: Value

    public init(id: String? = nil, ruleID: String, title: String, severity: Severity, resource: ResourceRef?,
                path: String? = nil, message: String, remediation: String = "", mappings: [ControlMapping] = [],
                status: FindingStatus = .failed, details: Value = .null) {
        self.id = id ?? Finding.stableID(ruleID: ruleID, resource: resource, path: path)
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.resource = resource
        self.path = path
        self.message = message
        self.remediation = remediation
        self.mappings = mappings.normalized()
        self.status = status
        self.details = details
    }

    /// The id a finding gets when none is given. It ignores the file and line,
    /// so a resource keeps its finding ids when it moves or is read from a cluster.
    public static func stableID(ruleID: String, resource: ResourceRef?, path: String?) -> String {
        StableID.make([ruleID, resource?.identityKey ?? "", path ?? ""])
    }

    /// Deterministic JSON form; optional fields that are absent are left out.
    public func toValue() -> Value {
        var fields: [String: Value] = [
            "id": .string(id), "ruleID": .string(ruleID), "title": .string(title),
            "severity": .string(severity.name), "message": .string(message),
            "remediation": .string(remediation), "mappings": .array(mappings.normalized().map { $0.toValue() }),
            "status": .string(status.name),
        ]
        if let resource { fields["resource"] = resource.toValue() }
        if let path { fields["path"] = .string(path) }
        if case .exempted(let exemption) = status { fields["exemption"] = exemption.toValue() }
        if details != .null { fields["details"] = details }
        return .object(fields: fields)
    }
}

extension Finding: Comparable {
    /// Report order: most severe first, then rule, resource, path and id.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        if lhs.resource != rhs.resource {
            guard let l = lhs.resource else { return true }
            guard let r = rhs.resource else { return false }
            return l < r
        }
        if lhs.path != rhs.path { return (lhs.path ?? "") < (rhs.path ?? "") }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.message < rhs.message
    }
}

extension Sequence where Element == Finding {
    /// The findings in report order (see `Finding.<`).
    public func sortedForReport() -> [Finding] { sorted() }

    /// A JSON array of the findings in report order.
    public func toValue() -> Value { .array(sortedForReport().map { $0.toValue() }) }
}
