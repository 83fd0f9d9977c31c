import PalisadeCore

/// Gatekeeper's replicated data, as templates read it under `data.inventory`:
/// `namespace[<ns>][<apiVersion>][<kind>][<name>]` for namespaced objects and
/// `cluster[<apiVersion>][<kind>][<name>]` for cluster-scoped ones.
public struct Inventory: Sendable {
    public private(set) var objects: [Value] = []

    public init(_ objects: [Value] = []) {
        for object in objects { add(object) }
    }

    public mutating func add(_ object: Value) {
        objects.append(object)
    }

    /// The Namespace object called `name`, if the inventory holds one.
    public func namespace(named name: String) -> Value? {
        objects.first {
            $0["kind"]?.stringValue == "Namespace" && ($0["apiVersion"]?.stringValue ?? "v1") == "v1"
                && $0.gatekeeperPath("metadata", "name")?.stringValue == name
        }
    }

    /// `{"inventory": {...}}`, the data document for a template evaluation.
    public var data: Value {
        var cluster = Value.emptyObject
        var namespaced = Value.emptyObject
        for object in objects {
            let apiVersion = object["apiVersion"]?.stringValue ?? ""
            let kind = object["kind"]?.stringValue ?? ""
            let name = object.gatekeeperPath("metadata", "name")?.stringValue ?? ""
            if let ns = object.gatekeeperPath("metadata", "namespace")?.stringValue, !ns.isEmpty {
                namespaced.gatekeeperInsert(object, at: [ns, apiVersion, kind, name])
            } else {
                cluster.gatekeeperInsert(object, at: [apiVersion, kind, name])
            }
        }
        return .object(fields: ["inventory": .object(fields: ["cluster": cluster, "namespace": namespaced])])
    }
}

extension Value {
    /// Sets `self[path...] = value`, creating objects on the way.
    mutating func gatekeeperInsert(_ value: Value, at path: [String]) {
        guard let first = path.first else { self = value; return }
        var fields = objectValue ?? [:]
        var child = fields[.string(first)] ?? .emptyObject
        child.gatekeeperInsert(value, at: Array(path.dropFirst()))
        fields[.string(first)] = child
        self = .object(fields)
    }
}
