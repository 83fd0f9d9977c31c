import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// netpol-analyzer's test data (DIR: `netpol/netpol-analyzer` with `cases.json`,
/// `tests/` and `test_outputs/`, see its SOURCE.md).
///
/// - `list`: the connectivity of the scenario dirs in the case's format and
///   options must equal the golden file line by line (trailing blank lines aside).
/// - `diff`: not yet implemented; each such case fails with that reason.
/// - `eval`: the verdict for one connection must equal `expected_allowed`.
/// - error cases: the analysis must report an error or warning containing
///   the expected text.
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
        case "diff": return "diff is not implemented yet"
        case "pod_matrix": return "pod-level matrix is not implemented yet"
        case "list_output_property": return "output-property cases are not implemented yet"
        default: return judgeError()
        }
    }

    func judgeList() -> String? {
        guard let expected, let format, let dir = dirs.first else { return "case has no golden file" }
        for unsupported in ["exposure", "explain", "multiple_networks"] where flags.contains(unsupported) {
            return "\(unsupported) is not implemented yet"
        }
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
        return NetpolCase.compareLines(actual: request.render(topology), expected: golden)
    }

    func judgeEval() -> String? {
        guard let eval, let dir = dirs.first else { return "malformed eval case" }
        let (topology, _) = self.topology(dir)
        let engine = ConnectivityEngine(topology: topology)
        func find(_ name: String) -> Endpoint? {
            topology.endpoints.first { "\($0.namespace ?? "")/\($0.name)" == name }
        }
        guard let src = find(eval.src) else { return "no workload \(eval.src)" }
        guard let dst = find(eval.dst) else { return "no workload \(eval.dst)" }
        guard let proto = IPProtocol(name: eval.proto), let port = UInt32(eval.port) else { return "bad connection \(eval.proto)/\(eval.port)" }
        let allowed = engine.allowed(from: src, to: dst).contains(proto, port: port)
        return allowed == eval.allowed ? nil : "expected allowed=\(eval.allowed), got \(allowed)"
    }

    func judgeError() -> String? {
        var problems: [String] = []
        for dir in dirs {
            let path = "\(root)/tests/\(dir)"
            guard FileManager.default.fileExists(atPath: path) else { problems.append("\(path): does not exist"); continue }
            problems += topology(dir).1
        }
        if problems.isEmpty && kind.contains("warning") == false && kind.hasSuffix("fatal_error") {
            return "expected an error, got none"
        }
        let joined = problems.joined(separator: "\n")
        for text in texts where !text.hasPrefix("go:") {
            if !joined.contains(text) { return "expected a problem containing \"\(text)\"; got: \(problems.isEmpty ? "none" : joined)" }
        }
        if problems.isEmpty { return "expected a problem (\(texts.joined(separator: "; "))), got none" }
        return nil
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
