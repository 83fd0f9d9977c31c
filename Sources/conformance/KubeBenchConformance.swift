import Foundation
import PalisadeCore
import Posture

/// kube-bench's test tables (check/test_cases_extracted.json, run against the
/// controls in check/data) and every benchmark directory under cfg/, each of
/// which must load: config merge, variable substitution and every controls file.
struct KubeBenchConformance: ConformanceSuite {
    static let casesFile = "check/test_cases_extracted.json"

    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let root = options.directory
        let tables = ConformanceUnit(file: Self.casesFile, name: "(tables)", timeLimit: options.timeout * 10 + 30) {
            KubeBenchTables(root: root).run().filter { options.selects($0.file, $0.name) }
        }
        let cfg = (root as NSString).appendingPathComponent("cfg")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: cfg)) ?? []).filter { name in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: (cfg as NSString).appendingPathComponent(name), isDirectory: &isDir) && isDir.boolValue
        }.sorted()
        let loads = versions.filter { options.selects("cfg/\($0)", "loads without error") }.map { version in
            ConformanceUnit(file: "cfg/\(version)", name: "loads without error", timeLimit: options.timeout + 30) {
                [CaseResult(file: "cfg/\(version)", name: "loads without error", failure: KubeBenchCfgLoad(cfg: cfg).check(version))]
            }
        }
        return [tables] + loads
    }
}

/// The three extracted Go test tables.
private struct KubeBenchTables {
    let root: String

    func run() -> [CaseResult] {
        let file = KubeBenchConformance.casesFile
        let data: Value
        let controls: BenchControls
        do {
            let path = (root as NSString).appendingPathComponent(file)
            data = try JSONReader.decode(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self), file: path)
            controls = try loadCheckData()
        } catch {
            return [CaseResult(file: file, name: "(load)", failure: "\(error)")]
        }
        var results: [CaseResult] = []
        for (i, item) in (data["execute_pass_cases"]?.arrayValue ?? []).enumerated() {
            results.append(executeCase(item, index: i, table: "execute_pass_cases", controls: controls, wantPass: true))
        }
        for (i, item) in (data["execute_fail_cases"]?.arrayValue ?? []).enumerated() {
            results.append(executeCase(item, index: i, table: "execute_fail_cases", controls: controls, wantPass: false))
        }
        for (i, item) in (data["compare_op_cases"]?.arrayValue ?? []).enumerated() {
            results.append(compareCase(item, index: i))
        }
        return results
    }

    /// check/data with `$user` replaced by $USER, as the Go test does.
    private func loadCheckData() throws -> BenchControls {
        let path = (root as NSString).appendingPathComponent("check/data")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        return try BenchControlsDecoder.decode(text.replacingOccurrences(of: "$user", with: user), file: path, target: "master")
    }

    private func executeCase(_ item: Value, index: Int, table: String, controls: BenchControls, wantPass: Bool) -> CaseResult {
        let name = "\(table)[\(index)] \(item["check_text"]?.stringValue ?? "")"
        let file = KubeBenchConformance.casesFile
        guard let g = item["group_index"]?.intValue, let c = item["check_index"]?.intValue,
              controls.groups.indices.contains(g), controls.groups[g].checks.indices.contains(c) else {
            return CaseResult(file: file, name: name, failure: "no such check in check/data")
        }
        let check = controls.groups[g].checks[c]
        let outputs = BenchAuditOutputs(audit: item["str"]?.stringValue ?? "", auditConfig: item["strConfig"]?.stringValue ?? "",
                                        auditEnv: item["strEnv"]?.stringValue ?? "")
        let (outcome, error) = check.execute(outputs)
        if let error { return CaseResult(file: file, name: name, failure: "error: \(error)") }
        if outcome.passed != wantPass {
            return CaseResult(file: file, name: name, failure: "testResult \(outcome.passed), want \(wantPass) (expected_result \(outcome.expected))")
        }
        if wantPass, let want = item["expectedTestResult"]?.stringValue, want != outcome.expected {
            return CaseResult(file: file, name: name, failure: "expected_result \"\(outcome.expected)\", want \"\(want)\"")
        }
        return CaseResult(file: file, name: name, failure: nil)
    }

    private func compareCase(_ item: Value, index: Int) -> CaseResult {
        let s = { (key: String) in item[key]?.stringValue ?? "" }
        let name = "compare_op_cases[\(index)] \(s("label"))"
        let got = BenchComparison.evaluate(op: s("op"), actual: s("flagVal"), expected: s("compareValue"), name: s("flagName"))
        let wantResult = item["testResult"]?.boolValue ?? false
        var problems: [String] = []
        if got.passed != wantResult { problems.append("result \(got.passed), want \(wantResult)") }
        if got.expected != s("expectedResultPattern") { problems.append("text \"\(got.expected)\", want \"\(s("expectedResultPattern"))\"") }
        return CaseResult(file: KubeBenchConformance.casesFile, name: name, failure: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }
}

/// Loads one benchmark directory the way a run would, on an empty fake node.
private struct KubeBenchCfgLoad {
    let cfg: String

    /// Nil when everything loads; otherwise every problem found.
    func check(_ version: String) -> String? {
        let directory = (cfg as NSString).appendingPathComponent(version)
        let host = BenchHost(root: "/nonexistent-palisade-node-root", processes: BenchStaticProcessList([]))
        let runner = NodeBenchmarkRunner(host: host, auditRunner: KubeBenchNoAudits())
        var problems: [String] = []
        do {
            let config = try BenchConfig.load(directory: cfg).merging(directory: directory)
            let targets = try config.targetMapping()[version] ?? []
            if targets.isEmpty { problems.append("no target_mapping entry for \(version)") }
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") && $0 != BenchConfig.fileName }
            if files.isEmpty { problems.append("no controls files") }
            for file in files.sorted() {
                let target = String(file.dropLast(5))
                do {
                    if NodeBenchmarkRunner.targetFiles[target] != nil {
                        _ = try runner.loadControls(target: target, directory: directory, config: config)
                    } else {
                        let path = (directory as NSString).appendingPathComponent(file)
                        _ = try BenchControlsDecoder.decode(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self), file: path)
                    }
                } catch { problems.append("\(error)") }
            }
        } catch { problems.append("\(error)") }
        return problems.isEmpty ? nil : problems.joined(separator: "\n")
    }
}

/// Loading runs no audit commands.
private struct KubeBenchNoAudits: BenchAuditRunner {
    func run(_ command: String) -> BenchAuditResult { BenchAuditResult(output: "") }
}
