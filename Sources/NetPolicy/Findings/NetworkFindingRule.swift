import PalisadeCore

/// The network-policy checks, with their stable ids (`NP-001` …), titles,
/// severities and remediation text.
public enum NetworkFindingRule: String, Sendable, CaseIterable {
    case noIngressIsolation = "NP-001"
    case noEgressIsolation = "NP-002"
    case policySelectsNothing = "NP-003"
    case shadowedRule = "NP-004"
    case redundantRule = "NP-005"
    case anyAddressRule = "NP-006"
    case allPortsRule = "NP-007"
    case allNamespacesRule = "NP-008"
    case exposedSensitiveWorkload = "NP-009"
    case pathToDatabase = "NP-010"
    case pathToAPIServer = "NP-011"
    case pathToMetadata = "NP-012"

    public var id: String { rawValue }

    public var title: String {
        switch self {
        case .noIngressIsolation: return "Workload accepts traffic from anywhere (no ingress policy)"
        case .noEgressIsolation: return "Workload may connect anywhere (no egress policy)"
        case .policySelectsNothing: return "Policy selects no workload"
        case .shadowedRule: return "Rule is shadowed by earlier rules with a different action"
        case .redundantRule: return "Rule is redundant: earlier rules already decide everything it covers"
        case .anyAddressRule: return "Rule allows any IP address (0.0.0.0/0)"
        case .allPortsRule: return "Rule allows every port"
        case .allNamespacesRule: return "Rule allows pods of every namespace"
        case .exposedSensitiveWorkload: return "Sensitive workload is reachable from outside the cluster"
        case .pathToDatabase: return "Externally reachable workload can connect to a database"
        case .pathToAPIServer: return "Externally reachable workload can connect to the API server"
        case .pathToMetadata: return "Externally reachable workload can reach the cloud metadata address"
        }
    }

    public var severity: Severity {
        switch self {
        case .noIngressIsolation: return .medium
        case .noEgressIsolation: return .low
        case .policySelectsNothing: return .low
        case .shadowedRule: return .medium
        case .redundantRule: return .info
        case .anyAddressRule: return .medium
        case .allPortsRule: return .low
        case .allNamespacesRule: return .low
        case .exposedSensitiveWorkload: return .critical
        case .pathToDatabase, .pathToAPIServer, .pathToMetadata: return .high
        }
    }

    public var remediation: String {
        switch self {
        case .noIngressIsolation:
            return "Add a NetworkPolicy that selects the workload with policyTypes [Ingress] (a default-deny policy for the namespace, then allow rules for the clients it needs)."
        case .noEgressIsolation:
            return "Add a NetworkPolicy that selects the workload with policyTypes [Egress] and allow only the destinations it needs (DNS included)."
        case .policySelectsNothing:
            return "Fix the policy's selector so it matches the intended pods, or delete the policy."
        case .shadowedRule:
            return "Reorder the rules (or policy order) so that this rule is evaluated before the rules that decide its connections, or delete it."
        case .redundantRule:
            return "Delete the rule or narrow the earlier rules; it never decides any connection."
        case .anyAddressRule:
            return "Replace the 0.0.0.0/0 block (or the empty peer list) with the address ranges the workload really talks to."
        case .allPortsRule:
            return "List the ports (and protocols) the workload really uses in the rule's ports."
        case .allNamespacesRule:
            return "Restrict the namespaceSelector to the namespaces that need access (e.g. by kubernetes.io/metadata.name)."
        case .exposedSensitiveWorkload:
            return "Allow ingress to the workload only from the in-cluster clients that need it; never from external address ranges."
        case .pathToDatabase:
            return "Restrict the database's ingress (or the workload's egress) so that internet-facing workloads cannot connect to it, or put a service tier between them."
        case .pathToAPIServer:
            return "Deny egress from internet-facing workloads to the API server unless they need it, and give them no service account token."
        case .pathToMetadata:
            return "Deny egress to 169.254.169.254/32 from workloads (an ipBlock with except, or a deny policy), or block the metadata service on the nodes."
        }
    }

    /// A finding of this rule.
    func finding(resource: ResourceRef?, path: String? = nil, message: String, details: Value = .null) -> Finding {
        Finding(ruleID: id, title: title, severity: severity, resource: resource, path: path, message: message,
                remediation: remediation, mappings: [ControlMapping(framework: .nsaCisa, control: "network-separation")],
                details: details)
    }
}
