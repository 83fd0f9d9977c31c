import Foundation
import NetPolicy

/// One target of a cyclonus target table (TYPE, TARGET, SOURCE RULES, PEER, PORT/PROTOCOL) for one direction.
struct CyclonusTargetEntry: Sendable {
    var direction: Direction
    var target: CyclonusTarget
    /// `ns/name` of the source policies.
    var policies: Set<String>
    var rules: [CyclonusRule]

    /// Groups consecutive rows of one type, target and source rules.
    static func entries(_ table: CyclonusTable) throws -> [CyclonusTargetEntry] {
        var entries: [CyclonusTargetEntry] = []
        var lastKey: [[String]]?
        for row in table.rows {
            guard row.count == 5 else { throw CyclonusText.Unreadable(description: "target table row with \(row.count) cells") }
            guard let direction = Direction(rawValue: row[0].joined(separator: " ")) else {
                throw CyclonusText.Unreadable(description: "rule type \"\(row[0].joined(separator: " "))\"")
            }
            let rule = CyclonusRule(peer: try CyclonusText.peer(row[3]), ports: try CyclonusText.ports(row[4]))
            let key = [row[0], row[1], row[2]]
            if key == lastKey, !entries.isEmpty {
                entries[entries.count - 1].rules.append(rule)
            } else {
                entries.append(CyclonusTargetEntry(direction: direction, target: try CyclonusText.target(row[1]),
                                                   policies: Set(CyclonusText.words(row[2])), rules: [rule]))
            }
            lastKey = key
        }
        return entries
    }
}

/// Compares cyclonus's target tables with the compiled policies, by meaning:
/// targets by the probe pods they select, source rules by policy name, and
/// rules by what they allow toward every probe peer.
struct CyclonusTargetJudge: Sendable {
    var model: PolicyModel
    var probes: CyclonusProbes

    /// Every target of `direction` among `candidates` (grouped by selected probe pods) must be
    /// one of `expected`, with the same policies and rules. `local` stands for a target's pod.
    func judgeTargets(_ expected: [CyclonusTargetEntry], candidates: [CompiledPolicy], direction: Direction,
                      local: (CyclonusTarget) -> Endpoint) -> String? {
        var groups: [[Bool]: [CompiledPolicy]] = [:]
        for policy in candidates where policy.rules(direction) != nil {
            groups[probes.signature(of: policy), default: []].append(policy)
        }
        var problems: [String] = []
        var matched: Set<[Bool]> = []
        for entry in expected where entry.direction == direction {
            let signature = probes.signature(of: entry.target)
            let label = "target ns \(entry.target.namespace) pods {\(entry.target.pods)}"
            guard let policies = groups[signature] else {
                problems.append("\(label) (\(entry.policies.sorted().joined(separator: ","))): no policy of the engine has it")
                continue
            }
            matched.insert(signature)
            if let problem = judgeRules(entry, policies: policies, local: local(entry.target)) {
                problems.append("\(label): \(problem)")
            }
        }
        for (signature, policies) in groups where !matched.contains(signature) {
            problems.append("engine target of \(policies.map(\.ref.cyclonusName).sorted().joined(separator: ",")) is not in cyclonus's list")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "\n")
    }

    /// Source rules and rules of one target (or of cyclonus's combined rules) against `policies`.
    func judgeRules(_ entry: CyclonusTargetEntry, policies: [CompiledPolicy], local: Endpoint) -> String? {
        let names = Set(policies.map(\.ref.cyclonusName))
        if names != entry.policies {
            return "source rules: cyclonus \(entry.policies.sorted()), engine \(names.sorted())"
        }
        return probes.compare(expected: entry.rules, policies: policies, direction: entry.direction, local: local)
    }

    /// Policies of `direction` that select `pod`.
    func applicable(to pod: Endpoint, _ direction: Direction) -> [CompiledPolicy] {
        model.policies.filter { $0.rules(direction) != nil && $0.selector.selects(pod, in: probes.topology) }
    }
}

/// One block of `analyze-query-target.txt`: the queried pod, its matching targets and combined rules.
struct CyclonusTargetQuery: Sendable {
    var header: String
    var matching: [CyclonusTargetEntry]
    var combined: [CyclonusTargetEntry]

    static func read(_ text: String) throws -> [CyclonusTargetQuery] {
        let lines = text.components(separatedBy: "\n")
        var queries: [CyclonusTargetQuery] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("pod in ns ") else { index += 1; continue }
            guard let matchingAt = lines[index...].firstIndex(of: "Matching targets:"),
                  let matching = CyclonusTable.next(lines, from: matchingAt),
                  let combinedAt = lines[matching.endLine...].firstIndex(of: "Combined rules:"),
                  let combined = CyclonusTable.next(lines, from: combinedAt) else {
                throw CyclonusText.Unreadable(description: "query-target block at line \(index + 1) lacks its tables")
            }
            queries.append(CyclonusTargetQuery(header: line, matching: try CyclonusTargetEntry.entries(matching),
                                               combined: try CyclonusTargetEntry.entries(combined)))
            index = combined.endLine
        }
        return queries
    }
}
