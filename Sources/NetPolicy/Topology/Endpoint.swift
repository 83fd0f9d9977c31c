/// One side of a connection: a workload (its pods share one template), a
/// single pod, an external address range, or a pseudo-peer such as the
/// ingress controller.
public struct Endpoint: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Pods: a workload's template or one Pod.
        case pod
        /// Addresses outside the cluster (`addresses` holds them).
        case external
        /// A Calico HostEndpoint or other non-namespaced endpoint with labels.
        case host
        /// The ingress controller that Ingress / Route objects send traffic from.
        case ingressController
    }

    /// A container port with a name, for named-port resolution.
    public struct NamedPort: Sendable, Hashable {
        public var name: String
        public var proto: IPProtocol
        public var port: UInt32

        public init(name: String, proto: IPProtocol, port: UInt32) {
            self.name = name
            self.proto = proto
            self.port = port
        }
    }

    public var kind: Kind
    /// Nil for endpoints outside any namespace (external ranges, host endpoints).
    public var namespace: String?
    public var name: String
    /// The owning workload kind (`Deployment`, `StatefulSet`, `Pod`, ...).
    public var workloadKind: String
    public var labels: [String: String]
    public var namedPorts: [NamedPort]
    /// Every container port (named or not), for exposure and synthesis.
    public var containerPorts: [NamedPort]
    public var serviceAccount: String
    public var hostNetwork: Bool
    /// For external endpoints the range they stand for; for pods and hosts their known IPs.
    public var addresses: IntervalSet
    /// How many pods the endpoint stands for (replicas); 1 for single pods.
    public var replicas: Int
    /// Where the endpoint was declared (file:line), when read from manifests.
    public var origin: String?

    public init(kind: Kind = .pod, namespace: String?, name: String, workloadKind: String = "Pod",
                labels: [String: String] = [:], namedPorts: [NamedPort] = [], containerPorts: [NamedPort] = [],
                serviceAccount: String = "default", hostNetwork: Bool = false,
                addresses: IntervalSet = .empty, replicas: Int = 1, origin: String? = nil) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.workloadKind = workloadKind
        self.labels = labels
        self.namedPorts = namedPorts
        self.containerPorts = containerPorts
        self.serviceAccount = serviceAccount
        self.hostNetwork = hostNetwork
        self.addresses = addresses
        self.replicas = replicas
        self.origin = origin
    }

    /// An external address range.
    public static func external(_ interval: IntervalSet.Interval) -> Endpoint {
        Endpoint(kind: .external, namespace: nil, name: IPv4.formatRange(interval), workloadKind: "External",
                 addresses: IntervalSet(interval.lower, interval.upper))
    }

    public static let ingressController = Endpoint(kind: .ingressController, namespace: nil, name: "{ingress-controller}",
                                                    workloadKind: "")

    public var isPod: Bool { kind == .pod }

    /// netpol-analyzer's peer name: `ns/name[Kind]`, `a-b[External]`, `{ingress-controller}`.
    public var displayName: String {
        switch kind {
        case .pod: return "\(namespace ?? "default")/\(name)[\(workloadKind)]"
        case .external: return "\(name)[External]"
        case .host: return "\(name)[HostEndpoint]"
        case .ingressController: return name
        }
    }

    /// The ports a named port resolves to on this endpoint (`proto` nil: any protocol).
    public func ports(named portName: String, proto: IPProtocol?) -> [UInt32] {
        namedPorts.filter { $0.name == portName && (proto == nil || $0.proto == proto) }.map(\.port)
    }
}
