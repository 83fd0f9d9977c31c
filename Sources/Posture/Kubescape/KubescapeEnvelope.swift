import PalisadeCore

/// How Kubescape re-shapes an object before a rule sees it
/// (`objectsenvelopes.NewObject(...).GetObject()` in kubescape/opa-utils).
///
/// Host-sensor objects (`apiVersion` group `hostdata.kubescape.cloud`) are
/// re-serialized as `{apiVersion, kind, metadata: {name}, data}`: other fields
/// are dropped and a missing name becomes `""`. Everything else (Kubernetes
/// objects, cloud-provider descriptions, subject vectors) passes unchanged.
public enum KubescapeEnvelope {
    public static let hostSensorGroup = "hostdata.kubescape.cloud"

    /// The object as Kubescape hands it to rules; nil when Kubescape would
    /// drop it (a host-sensor object whose fields have the wrong types).
    public static func normalize(_ object: Value) -> Value? {
        guard isHostSensor(object) else { return object }
        return hostSensorEnvelope(object)
    }

    static func isHostSensor(_ object: Value) -> Bool {
        // Like kubescape's check, a subject vector (kind, name, relatedObjects) wins.
        if object["kind"] != nil, object["name"] != nil, object["relatedObjects"] != nil { return false }
        guard let apiVersion = object["apiVersion"]?.stringValue else { return false }
        return apiVersion.split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) == hostSensorGroup
    }

    private static func hostSensorEnvelope(_ object: Value) -> Value? {
        guard let apiVersion = stringField(object["apiVersion"]), let kind = stringField(object["kind"]) else { return nil }
        var name = ""
        switch object["metadata"] {
        case nil, .null?: break
        case .object?:
            guard let value = stringField(object["metadata"]?["name"]) else { return nil }
            name = value
        default: return nil
        }
        return .object(fields: [
            "apiVersion": .string(apiVersion),
            "kind": .string(kind),
            "metadata": .object(fields: ["name": .string(name)]),
            "data": object["data"] ?? .null,
        ])
    }

    /// A Go string field: absent or null is "", another type fails.
    private static func stringField(_ value: Value?) -> String? {
        switch value {
        case nil, .null?: return ""
        case .string(let s)?: return s
        default: return nil
        }
    }
}
