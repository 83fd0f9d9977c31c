import PalisadeCore

/// Turns list items into objects a scan can use. Items of a list carry no
/// `apiVersion` or `kind`; they get the listed type's.
///
/// What is dropped on read, and why:
/// - `metadata.managedFields` of every object: server-side-apply bookkeeping,
///   often the larger part of an object, read by no control.
/// - Secret values: a posture scan needs a Secret's type, metadata and key
///   names, never the values, so `data` and `stringData` keep their keys with
///   empty values, and the `kubectl.kubernetes.io/last-applied-configuration`
///   annotation (which repeats the values) is emptied. The values then live
///   only in the page being decoded, not in the scan's results.
enum ListedObject {
    static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

    static func make(_ item: Value, as type: APIResourceType) -> KubeObject? {
        guard var fields = item.objectValue else { return nil }
        fields[.string("apiVersion")] = .string(type.groupVersion)
        fields[.string("kind")] = .string(type.kind)
        if let metadata = fields[.string("metadata")] {
            fields[.string("metadata")] = removing("managedFields", from: metadata)
        }
        if type.group.isEmpty && type.kind == "Secret" { redactSecret(&fields) }
        return KubeObject(.object(fields))
    }

    private static func redactSecret(_ fields: inout [Value: Value]) {
        for key in ["data", "stringData"] {
            if let values = fields[.string(key)]?.objectValue {
                fields[.string(key)] = .object(values.mapValues { _ in .string("") })
            }
        }
        guard var metadata = fields[.string("metadata")]?.objectValue,
              var annotations = metadata[.string("annotations")]?.objectValue,
              annotations[.string(lastApplied)] != nil else { return }
        annotations[.string(lastApplied)] = .string("")
        metadata[.string("annotations")] = .object(annotations)
        fields[.string("metadata")] = .object(metadata)
    }

    private static func removing(_ key: String, from value: Value) -> Value {
        guard var fields = value.objectValue, fields[.string(key)] != nil else { return value }
        fields[.string(key)] = nil
        return .object(fields)
    }
}
