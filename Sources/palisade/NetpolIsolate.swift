import ArgumentParser
import NetPolicy
import PalisadeCore

/// `palisade netpol isolate`: the quarantine policy for one workload.
struct NetpolIsolate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "isolate",
        abstract: "The quarantine policy for a workload: deny all ingress and egress (DNS optional).",
        discussion: """
        The workload's pod labels come from the manifests or --cluster, or from --selector.
        A Kubernetes NetworkPolicy cannot override other NetworkPolicies that allow traffic
        to or from the workload (they are a union of allows): when the input has such
        policies a warning names them. --calico (Deny rules at order 0) and --admin
        (AdminNetworkPolicy Deny at priority 0) override them.

        Exit status: 0 policy written; 2 bad options, unreadable input or unknown workload.
        """
    )

    @Argument(help: ArgumentHelp("The workload to isolate.", valueName: "ns/workload"))
    var workload: String

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Manifest files or directories holding the workload.", valueName: "PATH"))
    var manifests: [String] = []

    @Flag(name: .long, help: "Read the workload's labels from the live cluster.")
    var cluster = false

    @Option(name: .long, help: ArgumentHelp("Kubeconfig file for --cluster.", valueName: "FILE"))
    var kubeconfig: String?

    @Option(name: .long, help: ArgumentHelp("Kubeconfig context for --cluster.", valueName: "NAME"))
    var context: String?

    @Option(name: .long, help: ArgumentHelp("Pod labels to select instead of reading the workload: key=value[,key=value].", valueName: "LABELS"))
    var selector: String?

    @Flag(name: .long, help: "Still allow DNS (UDP and TCP 53) to kube-dns in kube-system.")
    var allowDNS = false

    @Flag(name: .long, help: "Write a projectcalico.org/v3 NetworkPolicy with Deny rules at order 0.")
    var calico = false

    @Flag(name: .long, help: "Write an AdminNetworkPolicy with Deny rules at priority 0.")
    var admin = false

    func run() throws {
        var problems: [String] = []
        let target = ConnectionPeer(parsing: workload)
        guard case .workload(let namespace, let name, let kind)? = target else {
            try checkUsage(["'\(workload)' is not ns/workload"], command: "isolate")
            return
        }
        if calico && admin { problems.append("--calico and --admin exclude each other") }
        let explicitLabels = selector.map(Self.labels)
        if let explicitLabels, explicitLabels == nil { problems.append("--selector must be key=value[,key=value], not '\(selector ?? "")'") }
        if selector == nil && manifests.isEmpty && !cluster { problems.append("give the workload's manifests (--manifests PATH…), --cluster or --selector") }
        let inputOptions = NetpolSources(paths: manifests, cluster: cluster, kubeconfig: kubeconfig, context: context)
        problems += inputOptions.problems(requireInput: false)
        try checkUsage(problems, command: "isolate")

        var labels = explicitLabels.flatMap { $0 } ?? [:]
        var unreadable = false
        if explicitLabels == nil {
            let loaded = try NetpolInput.load(inputOptions, command: "isolate")
            unreadable = loaded.unreadable
            let matches = loaded.topology.endpoints.filter { $0.kind == .pod && $0.namespace == namespace && $0.name == name && (kind == nil || kind == $0.workloadKind) }
            guard matches.count == 1, let endpoint = matches.first else {
                try checkUsage([matches.isEmpty ? "no workload \(workload) in the input" : "\(workload) names \(matches.count) workloads; give ns/name[Kind]"], command: "isolate")
                return
            }
            labels = endpoint.labels
            if labels.isEmpty { printError("warning: \(endpoint.displayName) has no pod labels: the policy selects every pod of namespace \(namespace)") }
            if !calico && !admin { warnAboutOverridingPolicies(endpoint, loaded.topology) }
        }
        let form: QuarantinePolicy.Form = calico ? .calico : admin ? .admin : .networkPolicy
        writeOutput(QuarantinePolicy(namespace: namespace, workload: name, labels: labels, allowDNS: allowDNS).text(form))
        if unreadable { throw NetpolExit.unusable }
    }

    private func warnAboutOverridingPolicies(_ endpoint: Endpoint, _ topology: Topology) {
        let allowing = topology.model.policies.filter { policy in
            policy.selector.selects(endpoint, in: topology)
                && ((policy.ingress ?? []) + (policy.egress ?? [])).contains { $0.action == .allow }
        }
        guard !allowing.isEmpty else { return }
        printError("warning: policies that still allow traffic for \(endpoint.displayName), which a NetworkPolicy cannot override (use --calico or --admin, or remove them): \(allowing.map(\.ref.description).joined(separator: ", "))")
    }

    /// `a=b,c=d` → labels; nil when malformed.
    static func labels(_ text: String) -> [String: String]? {
        var labels: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else { return nil }
            labels[String(parts[0])] = String(parts[1])
        }
        return labels.isEmpty ? nil : labels
    }
}
