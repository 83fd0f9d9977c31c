import PalisadeCore

extension ScanReport {
    /// A deterministic JSON-ready form of the whole report (sorted keys, controls by id, findings in report order).
    public func toValue() -> Value {
        .object(fields: [
            "inputs": .array(inputs.map(Value.string)),
            "resourceCount": .int(resourceCount),
            "overallScore": .double(overallScore),
            "severityCounts": .object(fields: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.name, .int(severityCounts[$0] ?? 0)) })),
            "frameworks": .array(frameworks.map { $0.toValue() }),
            "controls": .array(controls.map { $0.toValue() }),
            "findings": findings.toValue(),
            "errors": .array(errors.map(Value.string)),
            "notices": .array(notices.map(Value.string)),
        ])
    }
}

extension ControlInfo {
    public func toValue() -> Value {
        .object(fields: [
            "id": .string(id), "title": .string(title), "description": .string(description),
            "severity": .string(severity.name), "remediation": .string(remediation),
            "kinds": .array(kinds.map(Value.string)), "mappings": .array(mappings.map { $0.toValue() }),
            "references": .array(references.map(Value.string)),
        ])
    }
}

extension ControlResult {
    public func toValue() -> Value {
        var fields: [String: Value] = [
            "control": control.toValue(), "passed": .int(passed), "failed": .int(failed),
            "exempted": .int(exempted), "errors": .int(errors), "total": .int(total),
        ]
        if let score { fields["score"] = .double(score) }
        return .object(fields: fields)
    }
}

extension FrameworkScore {
    public func toValue() -> Value {
        var fields: [String: Value] = [
            "framework": .string(framework.rawValue), "controls": .int(controls), "failedControls": .int(failedControls),
        ]
        if let score { fields["score"] = .double(score) }
        return .object(fields: fields)
    }
}
