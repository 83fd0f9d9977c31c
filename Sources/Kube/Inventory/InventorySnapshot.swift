import PalisadeCore

/// A set of Kubernetes objects (from manifests or a cluster) indexed by
/// kind, namespace and name, in a stable order.
public struct InventorySnapshot: Sendable {
    /// Identifies an object regardless of where it was read from.
    public struct Key: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var group: String
        public var kind: String
        public var namespace: String?
        public var name: String

        public init(group: String = "", kind: String, namespace: String? = nil, name: String) {
            self.group = group
            self.kind = kind
            self.namespace = namespace
            self.name = name
        }

        public init(_ object: KubeObject) {
            self.init(group: object.group, kind: object.kind, namespace: object.namespace, name: object.name)
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.namespace ?? "", lhs.kind, lhs.name, lhs.group) < (rhs.namespace ?? "", rhs.kind, rhs.name, rhs.group)
        }

        public var description: String {
            let kind = group.isEmpty ? kind : "\(kind).\(group)"
            return namespace.map { "\(kind) \($0)/\(name)" } ?? "\(kind) \(name)"
        }
    }

    /// All objects, sorted by namespace, kind, name and source location.
    public let objects: [KubeObject]
    private let byKey: [Key: [Int]]
    private let byKind: [String: [Int]]
    private let byNamespace: [String: [Int]]

    public init(_ objects: [KubeObject]) {
        let sorted = objects.sorted()
        var byKey: [Key: [Int]] = [:], byKind: [String: [Int]] = [:], byNamespace: [String: [Int]] = [:]
        for (index, object) in sorted.enumerated() {
            byKey[Key(object), default: []].append(index)
            byKind[object.kind, default: []].append(index)
            if let ns = object.namespace { byNamespace[ns, default: []].append(index) }
        }
        self.objects = sorted
        self.byKey = byKey
        self.byKind = byKind
        self.byNamespace = byNamespace
    }

    public var count: Int { objects.count }

    /// The object with this identity; the first (by source location) when there are duplicates.
    public func object(_ key: Key) -> KubeObject? { byKey[key]?.first.map { objects[$0] } }

    /// The object of `kind` named `name` in `namespace`, in any group unless `group` is given.
    public func object(kind: String, namespace: String? = nil, name: String, group: String? = nil) -> KubeObject? {
        self.objects(ofKind: kind, group: group).first { $0.namespace == namespace && $0.name == name }
    }

    /// Objects of `kind` (`Deployment`), in any group unless `group` is given.
    public func objects(ofKind kind: String, group: String? = nil) -> [KubeObject] {
        (byKind[kind] ?? []).map { objects[$0] }.filter { group == nil || $0.group == group }
    }

    /// Objects whose `metadata.namespace` is `namespace`.
    public func objects(inNamespace namespace: String) -> [KubeObject] {
        (byNamespace[namespace] ?? []).map { objects[$0] }
    }

    /// Every namespace named by an object or declared by a Namespace object, sorted.
    public var namespaces: [String] {
        let declared = objects(ofKind: "Namespace", group: "").map(\.name)
        return Set(byNamespace.keys).union(declared).sorted()
    }

    /// The kinds present, sorted.
    public var kinds: [String] { byKind.keys.sorted() }

    /// Identities defined more than once (e.g. the same object in two files).
    public var duplicates: [Key: [KubeObject]] {
        byKey.filter { $0.value.count > 1 }.mapValues { $0.map { objects[$0] } }
    }

    /// The pod specs of all workloads (Pods, controllers, CronJobs, PodTemplates).
    public var podSpecs: [PodSpecView] { objects.compactMap(PodTemplates.podSpec(of:)) }
}
