import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// One network configuration of a scheme, built: the policy configuration,
/// NCA's names of its peers, and the problems met.
struct NCAConfig {
    var configuration: PolicyConfiguration
    var peers: NCAPeers
    var errors: [String]
    var warnings: [String]
}

/// Builds the configurations of a scheme from its references.
struct NCAConfigBuilder {
    let scheme: NCAScheme
    /// Inputs already read, by reference: configurations of a scheme share their pod and namespace lists.
    let cache: NCAInputCache

    static let topologyKinds: Set<String> = ["Pod", "Namespace", NCAPeers.workloadEndpointKind]

    func build(_ spec: NCAScheme.Config) -> NCAConfig {
        var errors: [String] = [], warnings: [String] = []
        func load(_ refs: [String]?) -> [KubeObject] {
            var objects: [KubeObject] = []
            for ref in refs ?? [] {
                let loaded = cache.load(ref, base: scheme.directory)
                objects += loaded.objects
                errors += loaded.errors
                warnings += loaded.warnings
            }
            return objects
        }
        let resources = load(spec.resourceList)
        func pick(_ own: [String]?, _ global: [String]?, where wanted: (KubeObject) -> Bool) -> [KubeObject] {
            if let own, !own.isEmpty { return load(own) }
            if resources.contains(where: wanted) { return resources }
            if let global, !global.isEmpty { return load(global) }
            return load(scheme.resourceList)
        }
        let namespaceObjects = pick(spec.namespaceList, scheme.namespaceList) { $0.kind == "Namespace" }
        let podObjects = pick(spec.podList, scheme.podList) { Self.topologyKinds.contains($0.kind) || PodTemplates.hasPodSpec($0) }
        let policyObjects = (spec.policies.map { load($0) } ?? resources).map(NCAPolicyValidation.normalized)
        errors += Self.validate(policyObjects)

        var peers = NCAPeers()
        peers.add(podObjects)
        let namespaces = Self.unique(namespaceObjects.filter { $0.kind == "Namespace" })
        let others = Self.unique((policyObjects + namespaceObjects + podObjects).filter { !Self.topologyKinds.contains($0.kind) && !PodTemplates.hasPodSpec($0) })
        let built = TopologyBuilder().build(namespaces + others)
        errors += built.model.rejected.map(\.reason)
        warnings += built.warnings
        var namespaceLabels = built.namespaces
        for ns in namespaces { namespaceLabels[ns.name] = ns.labels }
        let endpoints = peers.endpoints + built.endpoints.filter { $0.kind == .host && peers.names[$0.displayName] == nil }
        for host in built.endpoints where host.kind == .host { peers.addHost(host) }
        let topology = Topology(namespaces: namespaceLabels, endpoints: endpoints, model: built.model, warnings: built.warnings)
        let policies = others
        let configuration = PolicyConfiguration(name: spec.name, topology: topology, policyDigests: Self.digests(policies, model: built.model))
        // NCA warns, while loading, about each policy that selects nothing and each rule that matches nothing.
        warnings += PolicyEmptiness.findings(in: configuration).flatMap { finding in
            Array(repeating: "\(finding.policy): selects nothing or has rules that match nothing", count: finding.count)
        }
        return NCAConfig(configuration: configuration, peers: peers, errors: errors, warnings: warnings)
    }

    /// Objects once each by kind, namespace and name, the first kept: a
    /// resource list may serve as pod, namespace and policy list at once, and
    /// NCA takes a policy defined twice in its inputs once.
    static func unique(_ objects: [KubeObject]) -> [KubeObject] {
        var seen: Set<String> = []
        return objects.filter { seen.insert("\($0.apiVersion)|\($0.kind)|\($0.namespace ?? "")|\($0.name)").inserted }
    }

    /// Checks NCA makes before the policy compiler: a known API version and proper metadata.
    static func validate(_ objects: [KubeObject]) -> [String] {
        var errors: [String] = []
        for object in objects {
            errors += NCAPolicyValidation.problems(object).map { "\(object.location.map { "\($0): " } ?? "")\($0)" }
        }
        for object in objects where object.kind == "NetworkPolicy" && object.group == "networking.k8s.io" {
            let at = object.location.map { "\($0): " } ?? ""
            guard case .object = object.metadata, let name = object.metadata["name"]?.stringValue, !name.isEmpty else {
                errors.append("\(at)NetworkPolicy metadata.name is missing"); continue
            }
            if name.count > 253 || !name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }) {
                errors.append("\(at)NetworkPolicy name \(name) is not a valid DNS subdomain")
            }
            if let ns = object.metadata["namespace"], ns != .null, ns.stringValue == nil {
                errors.append("\(at)metadata.namespace must be a string")
            }
            if object.value["spec"] == nil || object.value["spec"] == .null {
                errors.append("\(at)NetworkPolicy spec is missing")
            }
        }
        return errors
    }

    static func digests(_ objects: [KubeObject], model: PolicyModel) -> [String: Int] {
        var bySource: [String: Int] = [:]
        for object in objects {
            let key = "\(object.namespace ?? "default")/\(object.name)"
            var hasher = Hasher()
            hasher.combine(object.kind)
            hasher.combine(object.value["spec"])
            bySource[key] = bySource[key].map { $0 ^ hasher.finalize() } ?? hasher.finalize()
            bySource[object.name] = bySource[key]
        }
        var digests: [String: Int] = [:]
        for policy in model.policies {
            let key = policy.ref.namespace.map { "\($0)/\(policy.ref.name)" } ?? policy.ref.name
            digests[PolicyConfiguration.identity(policy.ref)] = bySource[key] ?? 0
        }
        return digests
    }
}

/// Loaded inputs by reference.
final class NCAInputCache {
    private var loaded: [String: NCAInputs.Loaded] = [:]

    func load(_ reference: String, base: String) -> NCAInputs.Loaded {
        let key = "\(base)|\(reference)"
        if let known = loaded[key] { return known }
        let result = NCAInputs.load(reference, base: base)
        loaded[key] = result
        return result
    }
}
