import Kube
import PalisadeCore

/// A Calico Profile: rules every endpoint carrying it gets after all tiers
/// passed (or when no policy applies), and labels it lends those endpoints.
///
/// Kubernetes pods carry `kns.<namespace>` (allows everything) and
/// `ksa.<namespace>.<serviceaccount>` (no rules), which Calico generates.
public struct CalicoProfile: Sendable {
    public var name: String
    public var labelsToApply: [String: String]
    /// The object the profile was read from.
    var object: KubeObject?

    public init(name: String, labelsToApply: [String: String] = [:]) {
        self.name = name
        self.labelsToApply = labelsToApply
    }

    static let kind = "Profile"

    /// `kns.<namespace>` and `ksa.<namespace>.<serviceaccount>`: the profiles Calico derives on Kubernetes.
    static func isGeneratedForKubernetes(_ name: String) -> Bool { name.hasPrefix("kns.") || name.hasPrefix("ksa.") }

    /// True when the object's rules differ from what Calico generates for
    /// `kns.*` (allow everything both ways) and `ksa.*` (no rules).
    var rulesDifferFromGenerated: Bool {
        let spec = object?.value["spec"]
        let ingress = spec?["ingress"]?.arrayValue ?? [], egress = spec?["egress"]?.arrayValue ?? []
        if ingress.isEmpty && egress.isEmpty { return false }
        return !(name.hasPrefix("kns.") && Self.allowsEverything(ingress) && Self.allowsEverything(egress))
    }

    /// `[{action: Allow}]`, possibly with empty `source`/`destination`, first in the list.
    private static func allowsEverything(_ rules: [Value]) -> Bool {
        guard let first = rules.first, first["action"]?.stringValue == "Allow", let fields = first.objectValue else { return false }
        return fields.allSatisfy { key, value in
            key.stringValue == "action" || ((key.stringValue == "source" || key.stringValue == "destination")
                && (value == .null || value.objectValue?.isEmpty == true))
        }
    }

    /// Reads the name and labels; rules are compiled once every profile's labels are known.
    static func read(_ object: KubeObject) throws -> CalicoProfile {
        let raw = object.value["spec"]?["labelsToApply"]
        var labels: [String: String] = [:]
        if let raw, raw != .null {
            guard let map = raw.objectValue else {
                throw InputError("Profile \(object.name): spec.labelsToApply must be a map of strings", at: object.location)
            }
            for (key, value) in map {
                guard let k = key.stringValue, let v = value.stringValue else {
                    throw InputError("Profile \(object.name): spec.labelsToApply values must be strings", at: object.location)
                }
                labels[k] = v
            }
        }
        var profile = CalicoProfile(name: object.name, labelsToApply: labels)
        profile.object = object
        return profile
    }

    /// The endpoints that carry a profile.
    struct Members: EndpointSelector {
        var profile: String
        var context: CalicoContext

        func selects(_ endpoint: Endpoint, in topology: Topology) -> Bool {
            context.profileNames(of: endpoint).contains(profile)
        }
    }

    /// The profile Calico generates for a namespace: every endpoint of it may send and receive anything.
    static func generated(namespace: String, context: CalicoContext) -> CompiledPolicy {
        let name = "kns.\(namespace)"
        return CompiledPolicy(ref: PolicyRef(kind: kind, name: name), selector: Members(profile: name, context: context),
                              ingress: [allowAll(.ingress)], egress: [allowAll(.egress)])
    }

    /// Compiles the object's rules (both directions always apply: no rule means drop).
    func compile(context: CalicoContext, namespaceLabels: [String: [String: String]],
                 warnings: inout [String]) throws -> CompiledPolicy {
        let ref = PolicyRef(kind: Self.kind, name: name, origin: object?.location?.description)
        let members = Members(profile: name, context: context)
        let spec = object?.value["spec"] ?? .emptyObject
        let reader = CalicoRuleReader(policyNamespace: nil, context: context, namespaceLabels: namespaceLabels, location: object?.location)
        let ingress = try reader.rules(spec["ingress"], .ingress, field: "Profile \(name): spec.ingress", warnings: &warnings)
        let egress = try reader.rules(spec["egress"], .egress, field: "Profile \(name): spec.egress", warnings: &warnings)
        return CompiledPolicy(ref: ref, selector: members, ingress: ingress, egress: egress)
    }

    private static func allowAll(_ direction: Direction) -> PolicyRule {
        let rule = CalicoRuleCondition(direction: direction, base: .allProtocols, proto: nil,
                                       source: CalicoEntityRule(), destination: CalicoEntityRule())
        return PolicyRule(action: .allow, condition: CalicoPeerRule(rule: rule), index: 0)
    }
}
