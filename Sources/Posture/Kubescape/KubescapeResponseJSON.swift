import PalisadeCore

extension KubescapeRuleResponse {
    /// The finding as Kubescape's Go code serializes it (`json.Marshal` of a
    /// `RuleResponse`): every non-`omitempty` field present, nil lists as
    /// null, numbers as float64. Two findings are equal for Kubescape's rule
    /// tests exactly when these values are equal.
    public var goJSON: Value {
        var fields: [String: Value] = [
            "alertMessage": .string(alertMessage),
            "failedPaths": Self.list(failedPaths),
            "reviewPaths": Self.list(reviewPaths),
            "deletePaths": Self.list(deletePaths),
            "fixPaths": Self.list(fixPaths?.map(Self.fixPath)),
            "ruleStatus": .string(ruleStatus),
            "packagename": .string(packageName),
            "alertScore": .number(Number.fromDouble(Double(alertScore))),
            "alertObject": alertObjectJSON,
            "relatedObjects": Self.list(relatedObjects?.map(Self.related)),
        ]
        if !fixCommand.isEmpty { fields["fixCommand"] = .string(fixCommand) }
        if !ruleName.isEmpty { fields["rulename"] = .string(ruleName) }
        if let context, !context.isEmpty { fields["context"] = Self.list(context) }
        return .object(fields: fields)
    }

    private var alertObjectJSON: Value {
        var fields: [String: Value] = [:]
        if let k8sApiObjects, !k8sApiObjects.isEmpty { fields["k8sApiObjects"] = .array(k8sApiObjects) }
        if let externalObjects, externalObjects != .emptyObject { fields["externalObjects"] = externalObjects }
        return .object(fields: fields)
    }

    private static func related(_ r: KubescapeRelatedObject) -> Value {
        var fields: [String: Value] = [
            "object": r.object ?? .null,
            "failedPaths": list(r.failedPaths),
            "reviewPaths": list(r.reviewPaths),
            "deletePaths": list(r.deletePaths),
            "fixPaths": list(r.fixPaths?.map(fixPath)),
        ]
        if !r.fixCommand.isEmpty { fields["fixCommand"] = .string(r.fixCommand) }
        return .object(fields: fields)
    }

    private static func fixPath(_ f: KubescapeFixPath) -> Value {
        .object(fields: ["path": .string(f.path), "value": .string(f.value)])
    }

    private static func list(_ items: [String]?) -> Value {
        items.map { .array($0.map(Value.string)) } ?? .null
    }

    private static func list(_ items: [Value]?) -> Value {
        items.map(Value.array) ?? .null
    }
}
