import Kube
import PalisadeCore

/// Every cluster-scoped policy of the input, compiled and split into the
/// Admin tier (evaluated before NetworkPolicy) and the Baseline tier (after).
///
/// Within a tier, lower `priority` runs first. Policies with the same
/// priority run in name order (the APIs leave that case to the
/// implementation); a warning names them. BaselineAdminNetworkPolicy has no
/// priority and runs after any Baseline ClusterNetworkPolicy.
public struct AdminPolicies {
    public var admin: [CompiledPolicy] = []
    public var baseline: [CompiledPolicy] = []

    /// Compiles every AdminNetworkPolicy, BaselineAdminNetworkPolicy and
    /// ClusterNetworkPolicy of `objects`; an invalid one is recorded in
    /// `rejected` (with file:line) and left out.
    public static func compile(_ objects: [KubeObject], endpoints: [Endpoint], warnings: inout [String],
                               rejected: inout [(ref: PolicyRef, reason: String)]) -> AdminPolicies {
        let nodes = NodeInventory(objects: objects)
        let portNames = Set(endpoints.flatMap { $0.namedPorts.map(\.name) })
        var result = AdminPolicies()
        var seen: Set<String> = []
        for object in objects {
            guard let api = AdminPolicyAPI(kind: object.kind, group: object.group) else { continue }
            let ref = PolicyRef(kind: api.kind, name: object.name, origin: object.location?.description)
            if let problem = identityProblem(api, name: object.name, seen: &seen) {
                rejected.append((ref, InputError(problem, at: object.location).description))
                continue
            }
            var compiler = AdminPolicyCompiler(api: api, location: object.location, nodes: nodes, portNames: portNames)
            do {
                let (policy, tier) = try compiler.compile(object.value, name: object.name)
                warnings += compiler.warnings
                if tier == .admin { result.admin.append(policy) } else { result.baseline.append(policy) }
            } catch {
                rejected.append((ref, "\(error)"))
            }
        }
        result.admin = PolicyTier.sortedByOrder(result.admin)
        result.baseline = PolicyTier.sortedByOrder(result.baseline)
        warnings += samePriorityWarnings(result.admin) + samePriorityWarnings(result.baseline)
        return result
    }

    /// Names are unique per kind; BaselineAdminNetworkPolicy is the singleton `default`.
    static func identityProblem(_ api: AdminPolicyAPI, name: String, seen: inout Set<String>) -> String? {
        if api == .baselineAdminNetworkPolicy && name != "default" {
            return "BaselineAdminNetworkPolicy '\(name)': only one BaselineAdminNetworkPolicy, named 'default', is allowed"
        }
        guard seen.insert("\(api.kind)/\(name)").inserted else {
            return api == .baselineAdminNetworkPolicy
                ? "BaselineAdminNetworkPolicy 'default' is defined more than once; only one is allowed"
                : "\(api.kind) '\(name)' is defined more than once: policies with the same name are not allowed"
        }
        return nil
    }

    static func samePriorityWarnings(_ policies: [CompiledPolicy]) -> [String] {
        var warnings: [String] = []
        for (a, b) in zip(policies, policies.dropFirst()) where a.order != nil && a.order == b.order {
            let priority = Int(a.order ?? 0)
            warnings.append("\(b.ref.origin.map { "\($0): " } ?? "")\(a.ref) and \(b.ref) have the same priority \(priority); "
                + "the behaviour is not defined by the API, they are evaluated in name order")
        }
        return warnings
    }
}
