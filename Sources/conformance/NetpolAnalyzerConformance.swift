import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// netpol-analyzer's test data (DIR: `netpol/netpol-analyzer` with `cases.json`,
/// `tests/` and `test_outputs/`, see its SOURCE.md).
///
/// - `list`: the connectivity of the scenario dirs in the case's format and
///   options must equal the golden file line by line (trailing blank lines aside).
/// - `diff`: the changes of dirs[1] relative to dirs[0] must equal the golden file.
/// - `eval`: the verdict for one connection must equal `expected_allowed`
///   (src/dst name workloads, or pods when no workload has that name).
/// - `pod_matrix`: the pod-level matrix must equal the golden file.
/// - `list_output_property`: the txt list has the expected line count and no self-loop line.
/// - error cases: the analysis (with the case's options) must report an
///   error or warning containing the expected text; for a Go expression
///   without resolved text, its literal arguments must appear in one problem.
/// - svg cases have no golden file (renderings were dropped) and are not cases;
///   a note line counts them.
struct NetpolAnalyzerConformance: ConformanceSuite {
    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let root = URL(fileURLWithPath: options.directory)
        let data = try Data(contentsOf: root.appendingPathComponent("cases.json"))
        guard let cases = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw UsageError(description: "cases.json: expected a list of cases")
        }
        let judged = cases.filter { ($0["format"] as? String) != "svg" }
        if options.workerStart == nil {
            print("note: \(cases.count - judged.count) svg cases have no golden file in the corpus and are not run")
        }
        return judged.compactMap { c -> ConformanceUnit? in
            let id = c["id"] as? String ?? "?"
            let dirs = c["dirs"] as? [String] ?? []
            let kind = c["kind"] as? String ?? "?"
            let label = (c["expected"] as? String).map { ($0 as NSString).lastPathComponent } ?? (c["name"] as? String ?? dirs.joined(separator: ","))
            guard options.selects(dirs.joined(separator: ","), "\(id) \(kind) \(label)") else { return nil }
            let spec = NetpolCase(raw: c, root: root.path)
            return ConformanceUnit(file: dirs.joined(separator: ","), name: "\(id) \(kind) \(label)", timeLimit: options.timeout + 30) {
                [CaseResult(file: dirs.joined(separator: ","), name: "\(id) \(kind) \(label)", failure: spec.judge())]
            }
        }
    }
}

/// One entry of cases.json, with only Sendable fields kept.
struct NetpolCase: Sendable {
    var kind: String
    var dirs: [String]
    var format: String?
    var expected: String?
    var options: [String: String]
    var listOptions: [String: [String]]
    var flags: Set<String>
    var texts: [String]
    var eval: (src: String, dst: String, proto: String, port: String, allowed: Bool)?
    var root: String
    /// Options given at the top level of error and property cases (`focusWorkloads`, `explainOnly`, ...).
    var caseOptions: [String: String] = [:]
    var caseLists: [String: [String]] = [:]
    var caseFlags: Set<String> = []
    var expectedResultLength: Int?

    init(raw: [String: Any], root: String) {
        kind = raw["kind"] as? String ?? ""
        dirs = raw["dirs"] as? [String] ?? []
        format = raw["format"] as? String
        expected = raw["expected"] as? String
        self.root = root
        var options: [String: String] = [:], lists: [String: [String]] = [:], flags: Set<String> = []
        for (key, value) in raw["options"] as? [String: Any] ?? [:] {
            if let s = value as? String { options[key] = s }
            if let l = value as? [String] { lists[key] = l }
            if let b = value as? Bool, b { flags.insert(key) }
        }
        self.options = options
        listOptions = lists
        self.flags = flags
        var texts: [String] = []
        for key in ["errorStrContains", "firstErrStrContains"] {
            if let e = raw[key] as? [String: Any] { texts += NetpolCase.texts(e) }
        }
        for e in raw["expectedWarningsStrContains"] as? [[String: Any]] ?? [] { texts += NetpolCase.texts(e) }
        self.texts = texts
        for key in ["focusDirection", "explainOnly", "focusWorkload", "extractedLineExample"] {
            if let value = raw[key] as? String { caseOptions[key] = value }
        }
        for key in ["focusWorkloads", "focusworkloads", "focusWorkloadPeers"] {
            if let value = raw[key] as? [String] { caseLists[key] = value }
        }
        for key in ["exposure", "explain", "all_connections"] where raw[key] as? Bool == true { caseFlags.insert(key) }
        expectedResultLength = raw["expectedResultLen"] as? Int
        if kind == "eval", let src = raw["src"] as? String, let dst = raw["dst"] as? String {
            eval = (src, dst, raw["protocol"] as? String ?? "tcp", raw["port"] as? String ?? "", raw["expected_allowed"] as? Bool ?? false)
        }
    }

    static func texts(_ e: [String: Any]) -> [String] {
        if let t = e["text"] as? String { return [t] }
        if let parts = e["text_parts"] as? [String] { return parts }
        if let expr = e["go_expr"] as? String { return ["go:" + expr] }
        return []
    }

    func topology(_ dir: String) -> (Topology, [String]) {
        let set = ManifestLoader().load(paths: ["\(root)/tests/\(dir)"])
        let topology = TopologyBuilder().build(set.objects)
        let problems = set.errors.map(\.description) + set.notices.map(\.description)
            + topology.model.rejected.map(\.reason) + topology.warnings
        return (topology, problems)
    }

    func judge() -> String? {
        switch kind {
        case "list": return judgeList()
        case "eval": return judgeEval()
        case "diff": return judgeDiff()
        case "pod_matrix": return judgePodMatrix()
        case "list_output_property": return judgeOutputProperty()
        default: return judgeError()
        }
    }

    func judgeList() -> String? {
        guard let expected, let format, let dir = dirs.first else { return "case has no golden file" }
        guard let output = ConnlistFormat(rawValue: format) else { return "format \(format) is not implemented" }
        guard let golden = try? String(contentsOfFile: "\(root)/\(expected)", encoding: .utf8) else { return "cannot read \(expected)" }
        let (topology, _) = self.topology(dir)
        var request = ConnlistRequest(format: output)
        request.focus = AnalysisFocus(workloads: listOptions["focus_workloads"] ?? [],
                                      peers: listOptions["focus_workload_peers"] ?? [],
                                      direction: options["focus_direction"].flatMap { Direction(rawValue: $0.capitalized) })
        if let conn = options["focus_conn"] {
            guard let parsed = ConnlistRequest.parseConnection(conn) else { return "bad focus_conn \(conn)" }
            request.focusConnection = parsed
        }
        request.exposure = flags.contains("exposure")
        request.explain = flags.contains("explain")
        request.explainOnly = options["explain_only"].flatMap(ExplainFilter.init(rawValue:))
        if flags.contains("multiple_networks") {
            let networks = MultiNetworkAnalysis(objects: ManifestLoader().load(paths: ["\(root)/tests/\(dir)"]).objects)
            if let error = networks.errors.first { return "\(error)" }
            request.multipleNetworks = networks
        }
        let actual = request.render(topology)
        NetpolCase.keep(actual, for: expected)
        return NetpolCase.compareLines(actual: actual, expected: golden)
    }

    func judgeEval() -> String? {
        guard let eval, let dir = dirs.first else { return "malformed eval case" }
        let (topology, _) = self.topology(dir)
        let pods = podTopology(dir, topology)
        let byWorkload = topology.endpoints.contains { "\($0.namespace ?? "")/\($0.name)" == eval.src }
        let scope = byWorkload ? topology : pods
        let engine = ConnectivityEngine(topology: scope)
        func find(_ name: String) -> Endpoint? {
            scope.endpoints.first { "\($0.namespace ?? "")/\($0.name)" == name }
        }
        guard let src = find(eval.src) else { return "no workload or pod \(eval.src)" }
        guard let dst = find(eval.dst) else { return "no workload or pod \(eval.dst)" }
        guard let proto = IPProtocol(name: eval.proto), let port = UInt32(eval.port) else { return "bad connection \(eval.proto)/\(eval.port)" }
        let allowed = engine.allowed(from: src, to: dst).contains(proto, port: port)
        return allowed == eval.allowed ? nil : "expected allowed=\(eval.allowed), got \(allowed)"
    }

    func judgeError() -> String? {
        var problems: [String] = []
        for dir in dirs {
            let path = "\(root)/tests/\(dir)"
            guard FileManager.default.fileExists(atPath: path) else { problems.append("\(path): does not exist"); continue }
            let (topology, found) = self.topology(dir)
            problems += found + errorCaseRequest().problems(in: topology)
            let networks = MultiNetworkAnalysis(objects: ManifestLoader().load(paths: [path]).objects)
            problems += networks.errors.map(\.description) + networks.warnings
        }
        if problems.isEmpty && kind.contains("warning") == false && kind.hasSuffix("fatal_error") {
            return "expected an error, got none"
        }
        let joined = problems.joined(separator: "\n")
        for text in texts where !text.hasPrefix("go:") {
            if !joined.contains(text) { return "expected a problem containing \"\(text)\"; got: \(problems.isEmpty ? "none" : joined)" }
        }
        for text in texts where text.hasPrefix("go:") {
            let arguments = NetpolCase.literalArguments(of: text)
            if !arguments.isEmpty && !problems.contains(where: { p in arguments.allSatisfy { p.contains($0) } }) {
                return "expected a problem naming \(arguments.joined(separator: ", ")) (\(text.dropFirst(3))); got: \(problems.isEmpty ? "none" : joined)"
            }
        }
        if problems.isEmpty { return "expected a problem (\(texts.joined(separator: "; "))), got none" }
        return nil
    }

    /// With NETPOL_ACTUAL_DIR set, writes what a case produced there (named like its golden file).
    static func keep(_ actual: String, for expected: String) {
        guard let dir = ProcessInfo.processInfo.environment["NETPOL_ACTUAL_DIR"] else { return }
        try? actual.write(toFile: "\(dir)/\((expected as NSString).lastPathComponent)", atomically: true, encoding: .utf8)
    }

    static func compareLines(actual: String, expected: String) -> String? {
        func lines(_ s: String) -> [Substring] {
            var l = s.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            while let last = l.last, last.trimmingCharacters(in: .whitespaces).isEmpty { l.removeLast() }
            return l
        }
        let a = lines(actual), e = lines(expected)
        if a == e { return nil }
        for i in 0..<max(a.count, e.count) {
            let x = i < a.count ? String(a[i]) : "<end>"
            let y = i < e.count ? String(e[i]) : "<end>"
            if x != y { return "line \(i + 1) (of \(e.count) expected, \(a.count) actual): expected \"\(y)\", got \"\(x)\"" }
        }
        return "outputs differ"
    }
}
