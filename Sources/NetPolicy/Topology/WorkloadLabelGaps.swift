/// Pods of one owner are analysed as one workload. That is sound only while
/// no policy tells them apart: when a policy selects, or a rule admits, some
/// of the pods but not the others, the workload-level result would be wrong.
/// Such inputs are reported; the workload keeps its first pod's labels.
public enum WorkloadLabelGaps {
    /// One problem per workload whose pods some policy tells apart.
    public static func problems(in topology: Topology, variants: [String: [WorkloadReader.PodLabels]]) -> [String] {
        var problems: [String] = []
        for endpoint in topology.endpoints {
            guard let pods = variants[endpoint.displayName], pods.count > 1 else { continue }
            let versions = pods.map { pod -> Endpoint in
                var version = endpoint
                version.labels = pod.labels
                return version
            }
            guard let policy = firstPolicyTellingApart(versions, in: topology) else { continue }
            let described = pods.map { "\($0.pod) {\(labelText($0.labels))}" }.joined(separator: ", ")
            problems.append("\(endpoint.origin.map { "\($0): " } ?? "")pods of the same owner \(endpoint.namespace ?? "default")/\(endpoint.name) "
                + "have different labels (\(described)) and \(policy) tells them apart; "
                + "they cannot be analysed as one workload (analysed with the labels of \(pods[0].pod))")
        }
        return problems
    }

    /// The first policy that selects some versions and not others, or whose
    /// rules admit some versions and not others.
    static func firstPolicyTellingApart(_ versions: [Endpoint], in topology: Topology) -> PolicyRef? {
        guard let first = versions.first else { return nil }
        for policy in topology.model.policies {
            let selected = versions.map { policy.selector.selects($0, in: topology) }
            if Set(selected).count > 1 { return policy.ref }
            for direction in Direction.allCases {
                for rule in policy.rules(direction) ?? [] {
                    let covered = versions.map { version in
                        direction == .ingress
                            ? rule.condition.connections(from: version, to: first, in: topology)
                            : rule.condition.connections(from: first, to: version, in: topology)
                    }
                    if Set(covered).count > 1 { return policy.ref }
                }
            }
        }
        return nil
    }

    static func labelText(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}
