import PalisadeCore

public struct GroupVersionKind: Sendable, Equatable {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// From an object's `apiVersion` (`apps/v1` or `v1`) and `kind`.
    public init(of object: Value) {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
        group = parts.count == 2 ? parts[0] : ""
        version = parts.last ?? ""
        kind = object["kind"]?.stringValue ?? ""
    }

    public var value: Value { .object(fields: ["group": .string(group), "version": .string(version), "kind": .string(kind)]) }
}

/// What Gatekeeper gives a template as `input.review`: an AdmissionRequest
/// built from a plain object (operation CREATE) or taken from an AdmissionReview.
public struct AdmissionReviewRequest: Sendable {
    public var kind: GroupVersionKind
    public var name: String
    public var namespace: String
    public var operation: String
    public var object: Value?
    public var oldObject: Value?
    public var userInfo: Value?
    /// Other fields of an AdmissionReview's request (uid, resource, dryRun, ...), kept as given.
    public var extra: [String: Value]

    /// Reviews a plain Kubernetes object as a CREATE.
    public init(object: Value) {
        kind = GroupVersionKind(of: object)
        name = object.gatekeeperPath("metadata", "name")?.stringValue ?? ""
        namespace = object.gatekeeperPath("metadata", "namespace")?.stringValue ?? ""
        operation = "CREATE"
        self.object = object
        oldObject = nil
        userInfo = nil
        extra = [:]
    }

    /// Uses `.request` of an AdmissionReview. Missing kind, name and namespace
    /// are taken from the object (or oldObject, for DELETE).
    public init(admissionReview review: Value, file: String) throws {
        guard let request = review["request"], case .object = request else {
            throw GatekeeperError("AdmissionReview has no request", file: file)
        }
        object = Self.present(request["object"])
        oldObject = Self.present(request["oldObject"])
        guard let subject = object ?? oldObject else {
            throw GatekeeperError("AdmissionReview request has neither object nor oldObject", file: file)
        }
        if let k = request["kind"], k["kind"]?.stringValue != nil {
            kind = GroupVersionKind(group: k["group"]?.stringValue ?? "", version: k["version"]?.stringValue ?? "",
                                    kind: k["kind"]?.stringValue ?? "")
        } else {
            kind = GroupVersionKind(of: subject)
        }
        name = request["name"]?.stringValue ?? subject.gatekeeperPath("metadata", "name")?.stringValue ?? ""
        namespace = request["namespace"]?.stringValue ?? subject.gatekeeperPath("metadata", "namespace")?.stringValue ?? ""
        operation = request["operation"]?.stringValue ?? "CREATE"
        userInfo = Self.present(request["userInfo"])
        var extra: [String: Value] = [:]
        let known: Set<String> = ["kind", "name", "namespace", "operation", "object", "oldObject", "userInfo"]
        for (k, v) in request.objectValue ?? [:] { if let key = k.stringValue, !known.contains(key) { extra[key] = v } }
        self.extra = extra
    }

    /// Reads a test object: an AdmissionReview supplies its request, anything else is a CREATE.
    public static func from(_ document: Value, file: String) throws -> AdmissionReviewRequest {
        if document["kind"]?.stringValue == "AdmissionReview" {
            return try AdmissionReviewRequest(admissionReview: document, file: file)
        }
        return AdmissionReviewRequest(object: document)
    }

    /// The object labels are matched on: object, or oldObject on DELETE.
    public var matchObject: Value? { object ?? oldObject }

    /// `input.review`.
    public var value: Value {
        var fields = extra
        fields["kind"] = kind.value
        fields["name"] = .string(name)
        fields["namespace"] = .string(namespace)
        fields["operation"] = .string(operation)
        if let object { fields["object"] = object }
        if let oldObject { fields["oldObject"] = oldObject }
        if let userInfo { fields["userInfo"] = userInfo }
        return .object(fields: fields)
    }

    private static func present(_ v: Value?) -> Value? {
        guard let v else { return nil }
        if case .null = v { return nil }
        return v
    }
}
