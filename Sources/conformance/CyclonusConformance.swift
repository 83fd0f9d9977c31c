import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// cyclonus's analyze examples (DIR: `netpol/cyclonus`, see its SOURCE.md),
/// judged on Palisade's NetworkPolicy compiler and ConnectivityEngine.
///
/// - load: every policy file under `networkpolicies/` compiles with no policy rejected.
/// - traffic: per item of `examples/traffic.json` (policies `networkpolicies/simple-example/`),
///   the engine's Ingress and Egress verdicts equal cyclonus's (no target: allowed; else
///   allowed when a target allows), the targets that apply and their Allow/Deny equal
///   cyclonus's, and the combined verdict equals `IS ALLOWED?`.
/// - target: per pod of `examples/targets.json` and direction, the matching targets and
///   the combined rules of `analyze-query-target.txt` equal the engine's policies that
///   select the pod, by meaning: targets by the probe pods they select, policy names, and
///   what the rules allow toward every probe peer.
/// - explain: per direction, the targets of `analyze-explain.txt` equal all the policies' targets.
/// - lint: the resolved checks of `analyze-lint.txt` (see `CyclonusLint`).
/// - truth table: per cell of the Expected ingress / egress / combined tables of
///   `docs/test-runs.md`, every port/protocol mark equals the engine's verdict.
struct CyclonusConformance: ConformanceSuite {
    static let policyDirectory = "networkpolicies/simple-example"
    static let output = "examples/cyclonus-output"

    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let root = options.directory
        let loadFiles = try policyFiles(root)
        let trafficCount = (try? Self.trafficItems(root).count) ?? 1
        let targetCount = (try? Self.targetPods(root).count) ?? 1
        if options.workerStart == nil {
            print("note: cases — load: \(loadFiles.count) policy files compile with nothing rejected; "
                  + "traffic: \(trafficCount) items of examples/traffic.json × (Ingress verdict+targets, Egress verdict+targets, IS ALLOWED); "
                  + "target: \(targetCount) pods of examples/targets.json × (matching targets, combined rules) × (Ingress, Egress), compared by meaning on probe pods and external ranges; "
                  + "explain: analyze-explain.txt targets × (Ingress, Egress); "
                  + "lint: per engine target × (CheckTargetAllIngressBlocked | CheckTargetAllEgressBlocked, CheckDNSBlockedOnTCP, CheckDNSBlockedOnUDP) reported by analyze-lint.txt exactly when the target's rules fire it; "
                  + "truth table: docs/test-runs.md Expected ingress/egress/combined, one case per source→destination cell (all its port/protocol marks), pods at 192.168.1.11-19 (inside the run's ipBlock 192.168.1.0/24, as its expected ingress into x/a on TCP/80 from every pod implies). "
                  + "Not judged (no expected output in the corpus): examples/traffic-example.json, examples/targets-example.json; lint checks of other cyclonus versions (source checks, all-allowed); "
                  + "the kube results and actual-vs-expected tables of the doc (cluster measurements)")
        }
        var units: [ConformanceUnit] = []
        func add(_ file: String, _ name: String, _ run: @escaping @Sendable () -> [CaseResult]) {
            guard options.selects(file, name) else { return }
            units.append(ConformanceUnit(file: file, name: name, timeLimit: options.timeout + 30, run: run))
        }
        for file in loadFiles {
            add(file, "load") { [CaseResult(file: file, name: "load", failure: Self.judgeLoad(root: root, file: file))] }
        }
        for index in 0..<trafficCount {
            add("examples/traffic.json", "traffic[\(index)]") { Self.trafficResults(root: root, index: index) }
        }
        for index in 0..<targetCount {
            add("examples/targets.json", "target[\(index)]") { Self.targetResults(root: root, index: index) }
        }
        add("\(Self.output)/analyze-explain.txt", "explain") { Self.explainResults(root: root) }
        add("\(Self.output)/analyze-lint.txt", "lint") { Self.lintResults(root: root) }
        add("docs/test-runs.md", "truth table") { CyclonusTruthTable(file: "\(root)/docs/test-runs.md").results() }
        return units
    }

    private func policyFiles(_ root: String) throws -> [String] {
        let base = URL(fileURLWithPath: root).appendingPathComponent("networkpolicies")
        guard let walker = FileManager.default.enumerator(atPath: base.path) else {
            throw UsageError(description: "\(base.path): cannot read directory")
        }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted().map { "networkpolicies/\($0)" }
    }

    static func judgeLoad(root: String, file: String) -> String? {
        let set = ManifestLoader().load(paths: ["\(root)/\(file)"])
        let declared = set.objects.filter { $0.kind == KubeNetworkPolicy.kind && $0.group == KubeNetworkPolicy.group }.count
        let topology = TopologyBuilder().build(set.objects)
        let problems = set.errors.map(\.description) + topology.model.rejected.map(\.reason)
        if !problems.isEmpty { return problems.joined(separator: "; ") }
        if declared == 0 { return "no NetworkPolicy read" }
        if topology.model.policies.count != declared { return "\(declared) NetworkPolicies declared, \(topology.model.policies.count) compiled" }
        return nil
    }

    /// The simple-example policies, compiled; nil with the problems when one is rejected.
    static func model(root: String) -> (model: PolicyModel?, problem: String?) {
        let set = ManifestLoader().load(paths: ["\(root)/\(policyDirectory)"])
        let topology = TopologyBuilder().build(set.objects)
        let problems = set.errors.map(\.description) + topology.model.rejected.map(\.reason)
        return problems.isEmpty ? (topology.model, nil) : (nil, problems.joined(separator: "; "))
    }

    static func trafficItems(_ root: String) throws -> [Value] {
        let text = try String(contentsOfFile: "\(root)/examples/traffic.json", encoding: .utf8)
        guard let items = try JSONReader.decode(text, file: "examples/traffic.json").arrayValue else {
            throw CyclonusText.Unreadable(description: "examples/traffic.json: expected a list")
        }
        return items
    }

    static func targetPods(_ root: String) throws -> [Value] {
        let text = try String(contentsOfFile: "\(root)/examples/targets.json", encoding: .utf8)
        guard let items = try JSONReader.decode(text, file: "examples/targets.json").arrayValue else {
            throw CyclonusText.Unreadable(description: "examples/targets.json: expected a list")
        }
        return items
    }

    static func trafficResults(root: String, index: Int) -> [CaseResult] {
        let file = "examples/traffic.json"
        do {
            let items = try trafficItems(root)
            let verdicts = try CyclonusTrafficVerdict.read(try String(contentsOfFile: "\(root)/\(output)/analyze-query-traffic.txt", encoding: .utf8))
            guard verdicts.count == items.count else {
                throw CyclonusText.Unreadable(description: "analyze-query-traffic.txt has \(verdicts.count) verdicts for \(items.count) items")
            }
            let item = try CyclonusTrafficItem.read(items[index], index: index, file: file)
            let (model, problem) = model(root: root)
            guard let model else { throw CyclonusText.Unreadable(description: "policies rejected: \(problem ?? "")") }
            let labelSets = items.flatMap { trafficLabelSets($0) }
            let probes = CyclonusProbes(model: model, namespaces: Set(item.namespaces.keys), labelSets: labelSets, blocks: [])
            return CyclonusTrafficJudge(model: model, item: item, expected: verdicts[index], probes: probes).results(file: file)
        } catch {
            return [CaseResult(file: file, name: "traffic[\(index)]", failure: "\(error)")]
        }
    }

    private static func trafficLabelSets(_ item: Value) -> [[String: String]] {
        ["Source", "Destination"].compactMap { side in
            var labels: [String: String] = [:]
            for (key, value) in item[side]?["Internal"]?["PodLabels"]?.objectValue ?? [:] {
                if let k = key.stringValue, let v = value.stringValue { labels[k] = v }
            }
            return labels
        }
    }

    static func targetResults(root: String, index: Int) -> [CaseResult] {
        let file = "examples/targets.json"
        do {
            let pods = try targetPods(root)
            let queries = try CyclonusTargetQuery.read(try String(contentsOfFile: "\(root)/\(output)/analyze-query-target.txt", encoding: .utf8))
            guard queries.count == pods.count else {
                throw CyclonusText.Unreadable(description: "analyze-query-target.txt has \(queries.count) blocks for \(pods.count) pods")
            }
            guard let ns = pods[index]["Namespace"]?.stringValue else { throw CyclonusText.Unreadable(description: "\(file): item \(index) lacks Namespace") }
            var labels: [String: String] = [:]
            for (key, value) in pods[index]["Labels"]?.objectValue ?? [:] {
                if let k = key.stringValue, let v = value.stringValue { labels[k] = v }
            }
            let query = queries[index]
            guard query.header.hasPrefix("pod in ns \(ns) ") else {
                throw CyclonusText.Unreadable(description: "block \"\(query.header)\" does not match item \(index) (ns \(ns))")
            }
            let (model, problem) = model(root: root)
            guard let model else { throw CyclonusText.Unreadable(description: "policies rejected: \(problem ?? "")") }
            let entries = query.matching + query.combined
            let probes = CyclonusProbes(model: model, namespaces: [ns], labelSets: [labels] + selectorLabels(entries),
                                        blocks: entries.flatMap(\.rules).compactMap(\.peer.addressBlock))
            let judge = CyclonusTargetJudge(model: model, probes: probes)
            let pod = Endpoint(kind: .pod, namespace: ns, name: "target", labels: labels, namedPorts: CyclonusProbes.namedPorts)
            let label = "target[\(index)] \(ns)/{\(labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))}"
            var results: [CaseResult] = []
            for direction in Direction.allCases {
                let applicable = judge.applicable(to: pod, direction)
                results.append(CaseResult(file: file, name: "\(label) matching targets \(direction)",
                                          failure: judge.judgeTargets(query.matching, candidates: applicable, direction: direction) { _ in pod }))
                results.append(CaseResult(file: file, name: "\(label) combined rules \(direction)",
                                          failure: judgeCombined(query.combined, direction: direction, applicable: applicable, pod: pod, judge: judge)))
            }
            return results
        } catch {
            return [CaseResult(file: file, name: "target[\(index)]", failure: "\(error)")]
        }
    }

    /// cyclonus's combined rules of one direction (at most one entry) against every policy selecting the pod.
    private static func judgeCombined(_ combined: [CyclonusTargetEntry], direction: Direction, applicable: [CompiledPolicy],
                                      pod: Endpoint, judge: CyclonusTargetJudge) -> String? {
        let entries = combined.filter { $0.direction == direction }
        guard entries.count <= 1 else { return "cyclonus lists \(entries.count) combined targets" }
        guard let entry = entries.first else {
            return applicable.isEmpty ? nil : "cyclonus has no rules; the engine applies \(applicable.map(\.ref.cyclonusName).sorted())"
        }
        if !entry.target.selects(pod) { return "combined target ns \(entry.target.namespace) pods {\(entry.target.pods)} does not select the pod" }
        return judge.judgeRules(entry, policies: applicable, local: pod)
    }

    static func explainResults(root: String) -> [CaseResult] {
        let file = "\(output)/analyze-explain.txt"
        do {
            let lines = try String(contentsOfFile: "\(root)/\(file)", encoding: .utf8).components(separatedBy: "\n")
            guard let table = CyclonusTable.next(lines, from: 0) else { throw CyclonusText.Unreadable(description: "no table") }
            let entries = try CyclonusTargetEntry.entries(table)
            let (model, problem) = model(root: root)
            guard let model else { throw CyclonusText.Unreadable(description: "policies rejected: \(problem ?? "")") }
            let probes = CyclonusProbes(model: model, namespaces: Set(entries.map(\.target.namespace)), labelSets: selectorLabels(entries),
                                        blocks: entries.flatMap(\.rules).compactMap(\.peer.addressBlock))
            let judge = CyclonusTargetJudge(model: model, probes: probes)
            return Direction.allCases.map { direction in
                let failure = judge.judgeTargets(entries, candidates: model.policies, direction: direction) {
                    CyclonusProbes.representative(of: $0)
                }
                return CaseResult(file: file, name: "explain targets \(direction)", failure: failure)
            }
        } catch {
            return [CaseResult(file: file, name: "explain", failure: "\(error)")]
        }
    }

    static func lintResults(root: String) -> [CaseResult] {
        let file = "\(output)/analyze-lint.txt"
        do {
            let lines = try String(contentsOfFile: "\(root)/\(file)", encoding: .utf8).components(separatedBy: "\n")
            guard let table = CyclonusTable.next(lines, from: 0) else { throw CyclonusText.Unreadable(description: "no table") }
            let rows = try CyclonusLint.rows(table)
            let (model, problem) = model(root: root)
            guard let model else { throw CyclonusText.Unreadable(description: "policies rejected: \(problem ?? "")") }
            let probes = CyclonusProbes(model: model, namespaces: Set(rows.map(\.namespace)), labelSets: [], blocks: [])
            return CyclonusLint(model: model, probes: probes).results(rows, file: file)
        } catch {
            return [CaseResult(file: file, name: "lint", failure: "\(error)")]
        }
    }

    /// Label sets the texts' selectors name (match labels, each `In` value), so that probes tell them apart.
    static func selectorLabels(_ entries: [CyclonusTargetEntry]) -> [[String: String]] {
        var selectors = entries.map(\.target.pods)
        for rule in entries.flatMap(\.rules) {
            if case .pods(let namespaces, let pods) = rule.peer {
                selectors.append(pods)
                if case .selected(let nsSelector) = namespaces { selectors.append(nsSelector) }
            }
        }
        return selectors.flatMap { selector -> [[String: String]] in
            var sets = [selector.matchLabels]
            for requirement in selector.matchExpressions {
                sets += requirement.values.map { [requirement.key: $0] }
            }
            return sets
        }
    }
}
