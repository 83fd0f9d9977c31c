import Foundation
import NetPolicy

/// The resolved checks of `analyze-lint.txt` that are statements about what a
/// target's rules allow, judged on the engine's targets (policies grouped by
/// the probe pods they select): a target is reported exactly when
/// - CheckTargetAllIngressBlocked / CheckTargetAllEgressBlocked: its rules of that
///   direction allow nothing toward any probe peer;
/// - CheckDNSBlockedOnTCP / CheckDNSBlockedOnUDP: its egress rules do not allow
///   port 53 of that protocol to the outside address 8.8.8.8.
struct CyclonusLint: Sendable {
    enum Check: String, Sendable, CaseIterable {
        case allIngressBlocked = "CheckTargetAllIngressBlocked"
        case allEgressBlocked = "CheckTargetAllEgressBlocked"
        case dnsBlockedOnTCP = "CheckDNSBlockedOnTCP"
        case dnsBlockedOnUDP = "CheckDNSBlockedOnUDP"

        var direction: Direction { self == .allIngressBlocked ? .ingress : .egress }
    }

    /// One reported row: the check, the target's namespace and its source policies.
    struct Row: Sendable, Hashable {
        var check: Check
        var namespace: String
        var policies: Set<String>
    }

    var model: PolicyModel
    var probes: CyclonusProbes

    static func rows(_ table: CyclonusTable) throws -> [Row] {
        try table.rows.map { row in
            guard row.count == 4, let check = Check(rawValue: row[1].joined(separator: " ")) else {
                throw CyclonusText.Unreadable(description: "lint row \(row)")
            }
            let words = CyclonusText.words(row[2])
            guard words.count >= 2, words[0] == "namespace:" else { throw CyclonusText.Unreadable(description: "lint target \(row[2])") }
            return Row(check: check, namespace: words[1], policies: Set(CyclonusText.words(row[3])))
        }
    }

    func results(_ expected: [Row], file: String) -> [CaseResult] {
        var results: [CaseResult] = []
        var explained: Set<Row> = []
        for check in Check.allCases {
            var groups: [[Bool]: [CompiledPolicy]] = [:]
            for policy in model.policies where policy.rules(check.direction) != nil {
                groups[probes.signature(of: policy), default: []].append(policy)
            }
            for policies in groups.values.sorted(by: { $0.map(\.ref.cyclonusName).min() ?? "" < $1.map(\.ref.cyclonusName).min() ?? "" }) {
                let names = Set(policies.map(\.ref.cyclonusName))
                let namespace = policies.first?.ref.namespace ?? ""
                let row = Row(check: check, namespace: namespace, policies: names)
                let reported = expected.contains(row)
                if reported { explained.insert(row) }
                let fires = self.fires(check, policies: policies)
                let failure = fires == reported ? nil : "cyclonus \(reported ? "reports" : "does not report") it, the engine's rules \(fires ? "fire" : "do not fire") it"
                results.append(CaseResult(file: file, name: "lint \(check.rawValue) target of \(names.sorted().joined(separator: ","))", failure: failure))
            }
        }
        for row in expected where !explained.contains(row) {
            results.append(CaseResult(file: file, name: "lint \(row.check.rawValue) target of \(row.policies.sorted().joined(separator: ","))",
                                      failure: "no engine target in namespace \(row.namespace) has exactly these policies"))
        }
        return results
    }

    private func fires(_ check: Check, policies: [CompiledPolicy]) -> Bool {
        guard let sample = policies.first, let local = probes.pods.first(where: { sample.selector.selects($0, in: probes.topology) }) else {
            return false
        }
        switch check {
        case .allIngressBlocked, .allEgressBlocked:
            return probes.remotes.allSatisfy { remote in
                let (source, destination) = check.direction == .ingress ? (remote, local) : (local, remote)
                return probes.allowed(by: policies, direction: check.direction, from: source, to: destination).isEmpty
            }
        case .dnsBlockedOnTCP, .dnsBlockedOnUDP:
            let dns = Endpoint.external(IntervalSet.Interval(0x0808_0808, 0x0808_0808))
            let proto: IPProtocol = check == .dnsBlockedOnTCP ? .tcp : .udp
            return !probes.allowed(by: policies, direction: .egress, from: local, to: dns).contains(proto, port: 53)
        }
    }
}
