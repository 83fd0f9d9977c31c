/// An abstract peer a policy rule speaks about, for exposure analysis: not a
/// real workload but "any pod matching S in any namespace matching N".
public struct ExposurePeer: Sendable, Hashable {
    public enum Namespaces: Sendable, Hashable {
        case all
        case named(String)
        case selector(LabelSelector)
    }

    public enum Pods: Sendable, Hashable {
        case all
        case selector(LabelSelector)
    }

    public var namespaces: Namespaces
    public var pods: Pods

    public init(namespaces: Namespaces, pods: Pods) {
        self.namespaces = namespaces
        self.pods = pods
    }

    public static let entireCluster = ExposurePeer(namespaces: .all, pods: .all)

    /// A peer from a rule's selectors. `namespaceSelector` nil means `policyNamespace`;
    /// a selector naming only `kubernetes.io/metadata.name` is that namespace.
    public init(namespaceSelector: LabelSelector?, podSelector: LabelSelector?, policyNamespace: String?) {
        switch namespaceSelector {
        case nil: namespaces = policyNamespace.map(Namespaces.named) ?? .all
        case let s? where s.isEmpty: namespaces = .all
        case let s?:
            if s.matchExpressions.isEmpty, s.matchLabels.count == 1, let name = s.matchLabels[Topology.namespaceNameLabel] {
                namespaces = .named(name)
            } else {
                namespaces = .selector(s)
            }
        }
        if let podSelector, !podSelector.isEmpty { pods = .selector(podSelector) } else { pods = .all }
    }

    public var isEntireCluster: Bool { namespaces == .all && pods == .all }

    /// Equal for peers that mean the same pods, whatever order the selectors list things in.
    var key: ExposurePeer {
        func normal(_ s: LabelSelector) -> LabelSelector {
            LabelSelector(matchLabels: s.matchLabels,
                          matchExpressions: s.matchExpressions
                              .map { LabelSelector.Requirement(key: $0.key, op: $0.op, values: Array(Set($0.values)).sorted()) }
                              .sorted { ($0.key, $0.op.rawValue, $0.values.joined(separator: ",")) < ($1.key, $1.op.rawValue, $1.values.joined(separator: ",")) })
        }
        var copy = self
        if case .selector(let s) = namespaces { copy.namespaces = .selector(normal(s)) }
        if case .selector(let s) = pods { copy.pods = .selector(normal(s)) }
        return copy
    }

    /// True when every pod this peer stands for is one `other` also stands for.
    func isContained(in other: ExposurePeer, topology: Topology) -> Bool {
        let namespacesContained: Bool
        switch (other.namespaces, namespaces) {
        case (.all, _): namespacesContained = true
        case (.named(let a), .named(let b)): namespacesContained = a == b
        case (.selector(let a), .selector(let b)): namespacesContained = ExposurePeer.sameSelector(a, b)
        default: namespacesContained = false
        }
        guard namespacesContained else { return false }
        switch (other.pods, pods) {
        case (.all, _): return true
        case (.selector(let a), .selector(let b)): return ExposurePeer.sameSelector(a, b)
        default: return false
        }
    }

    static func sameSelector(_ a: LabelSelector, _ b: LabelSelector) -> Bool {
        ExposurePeer(namespaces: .all, pods: .selector(a)).key == ExposurePeer(namespaces: .all, pods: .selector(b)).key
    }

    /// netpol-analyzer's name: `entire-cluster`, `ns/[all pods]`,
    /// `[namespace with {a=b}]/[pod with {{Key:k,Operator:In,Values:[v],}}]`.
    public var displayName: String {
        isEntireCluster ? "entire-cluster" : "\(namespaceText)/[\(podText)]"
    }

    /// The namespace part: `ns`, `[all namespaces]`, `[namespace with {...}]`.
    public var namespaceText: String {
        switch namespaces {
        case .all: return "[all namespaces]"
        case .named(let name): return name
        case .selector(let s): return "[namespace with \(Self.selectorText(s))]"
        }
    }

    /// The namespace part without brackets, as graph clusters name it.
    public var namespaceLabel: String {
        switch namespaces {
        case .all: return "all namespaces"
        case .named(let name): return name
        case .selector(let s): return "namespace with \(Self.selectorText(s))"
        }
    }

    /// The pod part without brackets: `all pods`, `pod with {...}`.
    public var podText: String {
        switch pods {
        case .all: return "all pods"
        case .selector(let s): return "pod with \(Self.selectorText(s))"
        }
    }

    /// `{a=b,{Key:k,Operator:NotIn,Values:[x y],}}`: labels sorted, then expressions sorted as text.
    public static func selectorText(_ s: LabelSelector) -> String {
        let labels = s.matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let expressions = s.matchExpressions
            .map { "{Key:\($0.key),Operator:\($0.op.rawValue),Values:[\($0.values.joined(separator: " "))],}" }
            .sorted()
        return "{" + (labels + expressions).joined(separator: ",") + "}"
    }
}
