import Kube
import PalisadeCore

/// Every `projectcalico.org/v3` object of the input compiled for the engine:
/// Calico tiers in evaluation order (Kubernetes NetworkPolicies join the
/// `default` tier with order 1000), the profile tier, and host endpoints.
///
/// An invalid object is left out and listed in `rejected` with file:line and
/// the reason; the rest is still analysed.
public struct CalicoPolicies: Sendable {
    public static let group = "projectcalico.org"

    /// Tiers that hold at least one policy, in evaluation order.
    public var tiers: [PolicyTier] = []
    /// Profiles, evaluated after every tier passed or when no policy applies; nil without Calico input.
    public var profileTier: PolicyTier?
    public var hostEndpoints: [Endpoint] = []
    public var rejected: [(ref: PolicyRef, reason: String)] = []
    public var context = CalicoContext()
    /// True when the input has Calico policies, profiles, tiers, network sets or host endpoints.
    public var isPresent = false

    /// The connection universe of the analysis: every protocol once Calico takes part.
    public var universe: ConnectionSet { isPresent ? .allProtocols : .allKubernetes }

    static let policyKinds: Set<String> = CalicoPolicy.kinds.union(["Profile", "Tier", "HostEndpoint"]).union(CalicoNetworkSet.kinds)

    /// Compiles the Calico objects among `objects`. `endpoints` (pods) name the
    /// namespaces that get the implicit `kns.<namespace>` profile;
    /// `kubernetesPolicies` are the compiled Kubernetes NetworkPolicies.
    public static func compile(objects: [KubeObject], endpoints: [Endpoint] = [], kubernetesPolicies: [CompiledPolicy] = [],
                               warnings: inout [String]) -> CalicoPolicies {
        let calicoObjects = flattened(objects).filter { $0.group == group && policyKinds.contains($0.kind) }
        var result = CalicoPolicies()
        result.isPresent = !calicoObjects.isEmpty
        guard result.isPresent else { return result }
        var namespaceLabels: [String: [String: String]] = [:]
        for object in objects where object.kind == "Namespace" && object.group.isEmpty { namespaceLabels[object.name] = object.labels }
        result.readContext(calicoObjects, objects: objects, warnings: &warnings)
        let tiers = result.readTiers(calicoObjects)
        var byTier: [String: [CompiledPolicy]] = [CalicoTier.defaultName: kubernetesPolicies.map(CalicoKubeRule.converted)]
        result.compilePolicies(calicoObjects, tiers: tiers, namespaceLabels: namespaceLabels, into: &byTier, warnings: &warnings)
        result.tiers = CalicoTier.sorted(Array(tiers.values)).compactMap { tier in
            guard let policies = byTier[tier.name], !policies.isEmpty else { return nil }
            return PolicyTier(name: tier.name, kind: .calico, defaultAction: tier.defaultAction,
                              policies: PolicyTier.sortedByOrder(policies))
        }
        let namespaces = Set(namespaceLabels.keys).union(endpoints.compactMap { $0.kind == .pod ? $0.namespace : nil })
        result.profileTier = result.compileProfiles(namespaces: namespaces, namespaceLabels: namespaceLabels, warnings: &warnings)
        return result
    }

    /// Objects with `List` items expanded (Calico list dumps hold `HostEndpointList` and the like).
    static func flattened(_ objects: [KubeObject]) -> [KubeObject] {
        objects.flatMap { object -> [KubeObject] in
            guard object.kind.hasSuffix("List"), let items = object.value["items"]?.arrayValue else { return [object] }
            return flattened(items.compactMap { KubeObject($0, location: object.location, template: object.template) })
        }
    }

    private func reject(_ object: KubeObject, _ error: Error) -> (ref: PolicyRef, reason: String) {
        let ref = PolicyRef(kind: CalicoPolicy.refKind(object.kind), namespace: object.isNamespacedCalico ? (object.namespace ?? "default") : nil,
                            name: object.name, origin: object.location?.description)
        let reason = error is InputError ? "\(error)" : "\(object.location.map { "\($0): " } ?? "")\(error)"
        return (ref, reason)
    }

    private mutating func readContext(_ calicoObjects: [KubeObject], objects: [KubeObject], warnings: inout [String]) {
        for object in objects where object.kind == "ServiceAccount" && object.group.isEmpty {
            context.serviceAccountLabels["\(object.namespace ?? "default")/\(object.name)"] = object.labels
        }
        for object in calicoObjects {
            do {
                switch object.kind {
                case CalicoProfile.kind:
                    context.profiles[object.name] = try CalicoProfile.read(object)
                case CalicoHostEndpoint.kind:
                    let (endpoint, profiles) = try CalicoHostEndpoint.read(object, warnings: &warnings)
                    hostEndpoints.append(endpoint)
                    context.hostProfiles[endpoint.name] = profiles
                case let kind where CalicoNetworkSet.kinds.contains(kind):
                    context.networkSets.append(try CalicoNetworkSet.read(object, warnings: &warnings))
                default: break
                }
            } catch {
                rejected.append(reject(object, error))
            }
        }
    }

    private mutating func readTiers(_ calicoObjects: [KubeObject]) -> [String: CalicoTier] {
        var tiers: [String: CalicoTier] = [:]
        for tier in CalicoTier.builtIn { tiers[tier.name] = tier }
        for object in calicoObjects where object.kind == "Tier" {
            do { tiers[object.name] = try CalicoTier.read(object) } catch { rejected.append(reject(object, error)) }
        }
        return tiers
    }

    private mutating func compilePolicies(_ calicoObjects: [KubeObject], tiers: [String: CalicoTier],
                                          namespaceLabels: [String: [String: String]],
                                          into byTier: inout [String: [CompiledPolicy]], warnings: inout [String]) {
        var seen: Set<String> = []
        for object in calicoObjects where CalicoPolicy.kinds.contains(object.kind) {
            do {
                let compiled = try CalicoPolicy.compile(object, context: context, namespaceLabels: namespaceLabels, warnings: &warnings)
                guard tiers[compiled.tier] != nil else {
                    throw InputError("\(compiled.policy.ref): tier \"\(compiled.tier)\" does not exist", at: object.location)
                }
                guard seen.insert("\(object.kind)/\(compiled.policy.ref.qualifiedName)").inserted else {
                    throw InputError("\(compiled.policy.ref) is defined more than once", at: object.location)
                }
                byTier[compiled.tier, default: []].append(compiled.policy)
            } catch {
                rejected.append(reject(object, error))
            }
        }
    }

    /// The generated `kns.<namespace>` profiles (allow all), then the Profile
    /// objects that are not Kubernetes-generated ones.
    ///
    /// With Kubernetes, Calico derives `kns.*` and `ksa.*` from namespaces and
    /// service accounts: objects of those names lend their `labelsToApply`,
    /// but their rules are not what Calico runs (a warning says so).
    private mutating func compileProfiles(namespaces: Set<String>, namespaceLabels: [String: [String: String]],
                                          warnings: inout [String]) -> PolicyTier {
        var compiled = namespaces.sorted().map { CalicoProfile.generated(namespace: $0, context: context) }
        for name in context.profiles.keys.sorted() {
            guard let profile = context.profiles[name] else { continue }
            if CalicoProfile.isGeneratedForKubernetes(name) {
                if profile.rulesDifferFromGenerated {
                    warnings.append("\(profile.object?.location.map { "\($0): " } ?? "")Profile \(name): rules are not used; "
                        + "Calico generates kns.* (allow all) and ksa.* (no rules) profiles from namespaces and service accounts; only labelsToApply is taken")
                }
                continue
            }
            do {
                compiled.append(try profile.compile(context: context, namespaceLabels: namespaceLabels, warnings: &warnings))
            } catch {
                if let object = profile.object { rejected.append(reject(object, error)) }
            }
        }
        return PolicyTier(name: "profiles", kind: .profile, defaultAction: .deny, policies: compiled)
    }
}

extension KubeObject {
    /// True for Calico kinds that live in a namespace.
    var isNamespacedCalico: Bool { kind == "NetworkPolicy" || kind == "NetworkSet" }
}
