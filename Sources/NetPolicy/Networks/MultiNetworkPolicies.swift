import Kube
import PalisadeCore

/// MultiNetworkPolicy objects (`k8s.cni.cncf.io`): NetworkPolicy semantics,
/// applied only on the secondary networks named by the annotation
/// `k8s.v1.cni.cncf.io/policy-for` (`name` or `namespace/name`, comma-separated).
public struct MultiNetworkPolicies: Sendable {
    public static let kind = "MultiNetworkPolicy"
    public static let policyForAnnotation = "k8s.v1.cni.cncf.io/policy-for"

    /// Network name → its policies, in input order.
    public private(set) var byNetwork: [String: [CompiledPolicy]] = [:]
    public private(set) var rejected: [(ref: PolicyRef, reason: String)] = []
    public private(set) var warnings: [String] = []

    public init(objects: [KubeObject]) {
        var seen: Set<String> = []
        for object in objects where object.kind == Self.kind {
            let namespace = object.namespace ?? "default"
            let ref = PolicyRef(kind: Self.kind, namespace: namespace, name: object.name, origin: object.location?.description)
            guard seen.insert("\(namespace)/\(object.name)").inserted else {
                rejected.append((ref, InputError("\(Self.kind) \(namespace)/\(object.name) is defined more than once", at: object.location).description))
                continue
            }
            let networks = Self.networks(object)
            guard !networks.isEmpty else {
                warnings.append(InputError("\(Self.kind) \(namespace)/\(object.name) has no \(Self.policyForAnnotation) annotation; it applies to no network and is ignored", at: object.location).description)
                continue
            }
            compile(object, ref: ref, into: networks)
        }
    }

    /// The policies of one secondary network.
    public func policies(of network: String) -> [CompiledPolicy] { byNetwork[network] ?? [] }

    private mutating func compile(_ object: KubeObject, ref: PolicyRef, into networks: [String]) {
        do {
            var policy = try KubeNetworkPolicy.compile(object.value, namespace: ref.namespace ?? "default",
                                                       origin: object.location, warnings: &warnings)
            policy.ref = ref
            for network in networks { byNetwork[network, default: []].append(policy) }
        } catch {
            rejected.append((ref, "\(error)"))
        }
    }

    /// Network names from the annotation (the NAD name part of each reference).
    static func networks(_ object: KubeObject) -> [String] {
        guard let text = object.annotations[policyForAnnotation] else { return [] }
        var names: [String] = []
        for part in text.split(separator: ",") {
            let name = NetworkAttachmentRequest(reference: String(part)).name
            if !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        return names
    }
}
