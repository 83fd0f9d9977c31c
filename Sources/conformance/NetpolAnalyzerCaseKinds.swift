import Foundation
import Kube
import NetPolicy

/// The netpol-analyzer case kinds beyond plain lists: diff, pod matrix,
/// output properties, and what error cases need (the request they run with).
extension NetpolCase {
    func judgeDiff() -> String? {
        guard let expected, let format, dirs.count == 2 else { return "malformed diff case" }
        guard let output = DiffFormat(rawValue: format) else { return "diff format \(format) is not implemented" }
        guard let golden = try? String(contentsOfFile: "\(root)/\(expected)", encoding: .utf8) else { return "cannot read \(expected)" }
        let diff = ConnectivityDiff(ref1: topology(dirs[0]).0, ref2: topology(dirs[1]).0)
        // The command line's golden files name the inputs after its old --dir1/--dir2 flags.
        let names = expected.hasPrefix("test_outputs/cli/") ? ("dir1", "dir2") : ("ref1", "ref2")
        let actual = output.render(diff, names: names)
        NetpolCase.keep(actual, for: expected)
        return NetpolCase.compareLines(actual: actual, expected: golden)
    }

    /// Every pod to every pod (self-pairs included): `src: ns/a, dest: ns/b, allowed conns: X`.
    /// Without a protocol and port, the boolean variant says whether every connection is allowed.
    func judgePodMatrix() -> String? {
        guard let expected, let dir = dirs.first else { return "malformed pod_matrix case" }
        guard let golden = try? String(contentsOfFile: "\(root)/\(expected)", encoding: .utf8) else { return "cannot read \(expected)" }
        let pods = podTopology(dir, topology(dir).0)
        let engine = ConnectivityEngine(topology: pods)
        let names = pods.endpoints.map { "\($0.namespace ?? "default")/\($0.name)" }
        var lines: [String] = []
        for (s, source) in pods.endpoints.enumerated() {
            for (d, destination) in pods.endpoints.enumerated() {
                let allowed = s == d ? engine.universe : engine.allowed(from: source, to: destination)
                let value = caseFlags.contains("all_connections") ? allowed.analyzerText : String(allowed == engine.universe)
                lines.append("src: \(names[s]), dest: \(names[d]), allowed conns: \(value)")
            }
        }
        return NetpolCase.compareLines(actual: lines.joined(separator: "\n"), expected: golden)
    }

    /// The txt list (focused when the case says so) has `expectedResultLen`
    /// lines and none is the self-loop line the case names.
    func judgeOutputProperty() -> String? {
        guard let dir = dirs.first else { return "malformed property case" }
        var request = ConnlistRequest(format: .txt)
        if let workload = caseOptions["focusWorkload"] { request.focus = AnalysisFocus(workloads: [workload]) }
        let lines = request.render(topology(dir).0).split(separator: "\n")
        if let line = caseOptions["extractedLineExample"], lines.contains(Substring(line)) { return "output contains \"\(line)\"" }
        if let length = expectedResultLength, lines.count != length { return "expected \(length) lines, got \(lines.count)" }
        return nil
    }

    /// The request an error case's options describe.
    func errorCaseRequest() -> ConnlistRequest {
        var request = ConnlistRequest(format: .txt)
        request.focus = AnalysisFocus(workloads: caseLists["focusWorkloads"] ?? caseLists["focusworkloads"] ?? [],
                                      peers: caseLists["focusWorkloadPeers"] ?? [],
                                      direction: caseOptions["focusDirection"].flatMap { Direction(rawValue: $0.capitalized) })
        request.exposure = caseFlags.contains("exposure")
        request.explain = caseFlags.contains("explain")
        request.explainOnly = caseOptions["explainOnly"].flatMap(ExplainFilter.init(rawValue:))
        return request
    }

    /// The same input with one endpoint per Pod object (named by the pod).
    func podTopology(_ dir: String, _ topology: Topology) -> Topology {
        let objects = ManifestLoader().load(paths: ["\(root)/tests/\(dir)"]).objects
        return Topology(namespaces: topology.namespaces, endpoints: WorkloadReader.pods(of: objects), model: topology.model)
    }

    /// The literal arguments of a Go call expression `pkg.F(a,b)`; identifiers
    /// (`alerts.X`, `focusworkloadStr`) are not literals and are left out.
    static func literalArguments(of text: String) -> [String] {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return [] }
        return text[text.index(after: open)..<close].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.contains(".") && !$0.hasSuffix("Str") }
    }
}
