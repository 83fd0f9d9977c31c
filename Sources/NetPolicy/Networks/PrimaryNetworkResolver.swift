import PalisadeCore

/// Decides which namespaces a primary user-defined network serves.
///
/// A namespace joins a primary (C)UDN only when it carries the label
/// `k8s.ovn.org/primary-user-defined-network` (OVN-Kubernetes ignores the
/// network otherwise); a namespace may have at most one primary network;
/// secondary user-defined networks are not analysed.
struct PrimaryNetworkResolver {
    static let primaryLabel = "k8s.ovn.org/primary-user-defined-network"

    struct Resolution {
        var primaryOfNamespace: [String: ClusterNetwork] = [:]
        var warnings: [String] = []
        var errors: [InputError] = []
    }

    /// Declared namespaces with their labels.
    let namespaces: [String: [String: String]]
    private var definitions: [UserDefinedNetworkDefinition] = []

    init(namespaces: [String: [String: String]]) {
        self.namespaces = namespaces
    }

    mutating func add(_ definition: UserDefinedNetworkDefinition) {
        definitions.append(definition)
    }

    func resolve() -> Resolution {
        var result = Resolution()
        var claims: [String: [(network: ClusterNetwork, definition: UserDefinedNetworkDefinition)]] = [:]
        for definition in definitions {
            guard definition.role == .primary else {
                result.warnings.append(message(definition, "role \(definition.role.rawValue) is not supported yet; the network is ignored"))
                continue
            }
            for namespace in servedNamespaces(definition, warnings: &result.warnings) {
                claims[namespace, default: []].append((network(of: definition), definition))
            }
        }
        for namespace in claims.keys.sorted() {
            guard let claimants = claims[namespace] else { continue }
            if claimants.count > 1 {
                let names = claimants.map(\.definition.qualifiedName).joined(separator: ", ")
                result.errors.append(InputError("namespace \(namespace) has more than one primary user-defined network (\(names)); a namespace may have only one", at: claimants[1].definition.location))
                continue
            }
            result.primaryOfNamespace[namespace] = claimants[0].network
        }
        return result
    }

    private func network(of definition: UserDefinedNetworkDefinition) -> ClusterNetwork {
        switch definition.scope {
        case .namespace(let namespace): return ClusterNetwork(kind: .primaryUDN, name: namespace)
        case .cluster: return ClusterNetwork(kind: .primaryCUDN, name: definition.name)
        }
    }

    /// The namespaces the definition applies to that accept a primary user-defined network.
    private func servedNamespaces(_ definition: UserDefinedNetworkDefinition, warnings: inout [String]) -> [String] {
        switch definition.scope {
        case .namespace(let namespace):
            guard acceptsPrimaryNetwork(namespace) else {
                warnings.append(message(definition, "namespace \(namespace) does not have the label \(Self.primaryLabel); the network is ignored"))
                return []
            }
            return [namespace]
        case .cluster(let selector):
            let selected = namespaces.keys.sorted().filter { selector.matches(namespaces[$0] ?? [:]) }
            if selected.isEmpty {
                warnings.append(message(definition, "the namespace selector selects no namespace; the network is empty"))
            }
            return selected.filter { namespace in
                if acceptsPrimaryNetwork(namespace) { return true }
                warnings.append(message(definition, "selects namespace \(namespace), which does not have the label \(Self.primaryLabel); that namespace stays on the pod network"))
                return false
            }
        }
    }

    private func acceptsPrimaryNetwork(_ namespace: String) -> Bool {
        namespaces[namespace]?[Self.primaryLabel] != nil
    }

    private func message(_ definition: UserDefinedNetworkDefinition, _ text: String) -> String {
        InputError("\(definition.kindName) \(definition.qualifiedName): \(text)", at: definition.location).description
    }
}
