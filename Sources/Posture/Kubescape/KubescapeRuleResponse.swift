import PalisadeCore

/// A path a fix should set, and the value to set (`armotypes.FixPath`).
public struct KubescapeFixPath: Sendable, Hashable {
    public var path: String
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }
}

/// An object related to a finding, with the paths that concern it.
public struct KubescapeRelatedObject: Sendable, Hashable {
    /// The object, or nil when the rule gave none (Go's nil map).
    public var object: Value?
    public var failedPaths: [String]?
    public var reviewPaths: [String]?
    public var deletePaths: [String]?
    public var fixPaths: [KubescapeFixPath]?
    public var fixCommand = ""

    public init() {}
}

/// One finding of a rule, with Kubescape's `RuleResponse` fields and Go's
/// zero values: a nil list (`failedPaths: nil`) is distinct from an empty one,
/// as in Kubescape's own JSON.
public struct KubescapeRuleResponse: Sendable, Hashable {
    public var alertMessage = ""
    public var failedPaths: [String]?
    public var reviewPaths: [String]?
    public var deletePaths: [String]?
    public var fixPaths: [KubescapeFixPath]?
    public var fixCommand = ""
    public var ruleStatus = ""
    public var packageName = ""
    /// A float32 in Kubescape.
    public var alertScore: Float = 0
    /// `alertObject.k8sApiObjects`: the Kubernetes objects that failed.
    public var k8sApiObjects: [Value]?
    /// `alertObject.externalObjects`: a non-Kubernetes object that failed
    /// (e.g. a subject with its role and binding, or host data).
    public var externalObjects: Value?
    public var relatedObjects: [KubescapeRelatedObject]?
    public var ruleName = ""
    public var context: [String]?

    public init() {}

    /// Decodes one finding as Go's `encoding/json` decodes a `RuleResponse`:
    /// unknown fields are dropped, field names match case-insensitively, null
    /// leaves the zero value, and a wrong type is an error.
    public init(decoding value: Value) throws {
        self = try KubescapeResponseDecoder.response(value, at: "")
    }

    /// Decodes a rule's result (or an `expected.json`): an array of findings.
    public static func decodeList(_ value: Value) throws -> [KubescapeRuleResponse] {
        try KubescapeResponseDecoder.list(value)
    }

    /// Cuts every `alertObject.k8sApiObjects` entry down to `apiVersion`,
    /// `kind` and `metadata.{name,labels}`, as Kubescape's test runner does
    /// before comparing (`RuleReport.RemoveData`).
    public func trimmedForReport() -> KubescapeRuleResponse {
        var copy = self
        copy.k8sApiObjects = k8sApiObjects?.map(Self.trim)
        return copy
    }

    private static func trim(_ object: Value) -> Value {
        guard case .object(var fields) = object else { return object }
        fields = fields.filter { ["kind", "apiVersion", "metadata"].contains($0.key.stringValue ?? "") }
        if case .object(let metadata)? = fields[.string("metadata")] {
            fields[.string("metadata")] = .object(metadata.filter { ["name", "labels"].contains($0.key.stringValue ?? "") })
        }
        return .object(fields)
    }
}
