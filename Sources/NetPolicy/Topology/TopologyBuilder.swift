import Kube
import PalisadeCore

/// Builds the analysis input from Kubernetes objects (manifests or a live
/// cluster): namespaces, workloads and every supported policy kind.
///
/// An invalid policy is left out of the analysis and recorded in
/// `PolicyModel.rejected` with file:line and the reason.
public struct TopologyBuilder {
    public init() {}

    public func build(_ objects: [KubeObject]) -> Topology {
        var warnings: [String] = []
        let namespaces = Self.namespaces(of: objects, warnings: &warnings)
        let endpoints = WorkloadReader.endpoints(of: objects, warnings: &warnings)
        var rejected: [(ref: PolicyRef, reason: String)] = []
        var tiers: [PolicyTier] = []
        let adminPolicies = AdminPolicies.compile(objects, endpoints: endpoints, warnings: &warnings, rejected: &rejected)
        tiers.append(PolicyTier(name: "admin", kind: .admin, defaultAction: .pass, policies: adminPolicies.admin))
        let networkPolicies = compileNetworkPolicies(objects, warnings: &warnings, rejected: &rejected)
        let calico = CalicoPolicies.compile(objects: objects, endpoints: endpoints, kubernetesPolicies: networkPolicies, warnings: &warnings)
        rejected += calico.rejected
        if calico.isPresent {
            tiers += calico.tiers
        } else {
            tiers.append(PolicyTier(name: "networkpolicy", kind: .networkPolicy, defaultAction: .deny, policies: networkPolicies))
        }
        tiers.append(PolicyTier(name: "baseline", kind: .baseline, defaultAction: .pass, policies: adminPolicies.baseline))
        if let profiles = calico.profileTier { tiers.append(profiles) }
        let model = PolicyModel(tiers: tiers, universe: calico.universe, rejected: rejected)
        var topology = Topology(namespaces: namespaces, endpoints: endpoints + calico.hostEndpoints, model: model, warnings: warnings)
        topology.ingressGrants = IngressRoutes.grants(of: objects, endpoints: endpoints, warnings: &topology.warnings)
        topology.ingressRoutes = IngressRoutes.connections(of: topology.ingressGrants)
        topology.warnings += WorkloadLabelGaps.problems(in: topology, variants: WorkloadReader.labelVariants(of: objects))
        topology.warnings += KubeNetworkPolicy.unresolvedNamedPorts(in: topology)
        return topology
    }

    /// Namespace name → labels; a name declared twice keeps its first declaration.
    static func namespaces(of objects: [KubeObject], warnings: inout [String]) -> [String: [String: String]] {
        var namespaces: [String: [String: String]] = [:]
        for object in objects where object.kind == "Namespace" && object.group.isEmpty {
            guard namespaces[object.name] == nil else {
                warnings.append("\(object.location.map { "\($0): " } ?? "")Namespace \(object.name) is declared more than once; the later declaration is ignored")
                continue
            }
            namespaces[object.name] = object.labels
        }
        return namespaces
    }

    func compileNetworkPolicies(_ objects: [KubeObject], warnings: inout [String],
                                rejected: inout [(ref: PolicyRef, reason: String)]) -> [CompiledPolicy] {
        var policies: [CompiledPolicy] = []
        var seen: Set<String> = []
        for object in objects where object.kind == KubeNetworkPolicy.kind && object.group == KubeNetworkPolicy.group {
            let namespace = object.namespace ?? "default"
            let ref = PolicyRef(kind: KubeNetworkPolicy.kind, namespace: namespace, name: object.name, origin: object.location?.description)
            guard seen.insert("\(namespace)/\(object.name)").inserted else {
                rejected.append((ref, "\(ref.origin.map { "\($0): " } ?? "")NetworkPolicy \(namespace)/\(object.name) is defined more than once (a NetworkPolicy with the same name already exists)"))
                continue
            }
            do {
                policies.append(try KubeNetworkPolicy.compile(object.value, namespace: namespace, origin: object.location, warnings: &warnings))
            } catch {
                rejected.append((ref, "\(error)"))
            }
        }
        return policies
    }
}
