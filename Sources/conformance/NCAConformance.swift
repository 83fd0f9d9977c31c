import Foundation
import NetPolicy

/// network-config-analyzer's Kubernetes and Calico scheme tests (DIR:
/// `netpol/network-config-analyzer`, see its SOURCE.md).
///
/// Cases, per scheme file under `tests/k8s_testcases`, `tests/calico_testcases`
/// and `tests/fw_rules_tests` (Istio schemes are out of scope):
/// - `config <name>`: for each configuration declaring `expectedError` or
///   `expectedWarnings`: an error is reported exactly when `expectedError: 1`,
///   and the number of warnings equals `expectedWarnings`; a configuration
///   that cannot be loaded (for example a GitHub reference, which needs the
///   network) fails with that reason.
/// - `query <name> count`: for each query with `expected`: the query's
///   numerical result (NCA's counting per query type and pairing of configs)
///   equals it, and so does the not-executed count where `expectedNotExecuted` is given.
/// - `query <name> output`: for each connectivityMap or semanticDiff query
///   with `expectedOutput` (NCA compares no other query's output): the golden
///   fw-rules (txt, yaml, json, csv, md) and the answer are both expanded to
///   (source, destination) → connection set pairs, address blocks split into
///   common atoms, and compared by meaning, not by text; txt_no_fw_rules
///   goldens (pairwise lines) are expanded the same way. dot goldens fail as
///   not compared.
/// Plus one case per `tests/k8s_cmdline_tests.yaml` entry (see NCACommandLine).
struct NCAConformance: ConformanceSuite {
    static let schemeRoots = ["tests/k8s_testcases", "tests/calico_testcases", "tests/fw_rules_tests"]

    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let root = options.directory
        if options.workerStart == nil {
            print("note: nca cases: per scheme file, one `config` case per configuration declaring expectedError/expectedWarnings, "
                + "one `count` case per query with `expected`, one `output` case per connectivityMap/semanticDiff query with "
                + "`expectedOutput` (compared by meaning as (src, dst) -> connections); one case per k8s_cmdline_tests.yaml entry. "
                + "Istio schemes are out of scope.")
        }
        var units: [ConformanceUnit] = []
        for scheme in Self.schemeFiles(root) {
            let relative = String(scheme.dropFirst(root.count + 1))
            guard options.selects(relative, "") else { continue }
            units.append(ConformanceUnit(file: relative, name: "scheme", timeLimit: options.timeout * 30) {
                NCASchemeCases(path: scheme, label: relative).run()
            })
        }
        units += NCACommandLine.units(root: root, options: options)
        return units
    }

    static func schemeFiles(_ root: String) -> [String] {
        var result: [String] = []
        for base in schemeRoots {
            let directory = "\(root)/\(base)"
            for path in FileManager.default.subpaths(atPath: directory) ?? [] {
                let name = (path as NSString).lastPathComponent
                guard name.contains("scheme"), name.hasSuffix(".yaml"), !path.contains("expected_output"), !name.hasPrefix("istio") else { continue }
                result.append("\(directory)/\(path)")
            }
        }
        return result.sorted()
    }
}

/// The cases of one scheme file.
struct NCASchemeCases {
    let path: String
    let label: String

    func run() -> [CaseResult] {
        let scheme: NCAScheme
        do { scheme = try NCAScheme(path: path) } catch {
            return [CaseResult(file: label, name: "scheme", failure: "cannot read scheme: \(error)")]
        }
        let runner = NCAQueryRunner(scheme: scheme)
        var results: [CaseResult] = []
        for config in scheme.configs where config.expectedError != nil || config.expectedWarnings != nil {
            results.append(CaseResult(file: label, name: "config \(config.name)", failure: checkConfig(config, runner)))
        }
        for (index, query) in scheme.queries.enumerated() {
            let name = "query \(index + 1) \(query.name) (\(query.type))"
            if let expected = query.expected {
                results.append(CaseResult(file: label, name: "\(name) count", failure: checkCount(query, expected, runner)))
            }
            if let golden = query.expectedOutput, ["connectivityMap", "semanticDiff"].contains(query.type) {
                results.append(CaseResult(file: label, name: "\(name) output \(query.format)", failure: checkOutput(query, golden, scheme, runner)))
            }
        }
        return results
    }

    func checkConfig(_ spec: NCAScheme.Config, _ runner: NCAQueryRunner) -> String? {
        guard let config = try? runner.config(named: spec.name) else { return "cannot build" }
        let expectError = spec.expectedError == 1
        if expectError != !config.errors.isEmpty {
            return expectError ? "expected an error, got none" : "unexpected error: \(config.errors.joined(separator: "; "))"
        }
        if let warnings = spec.expectedWarnings, !expectError, warnings != config.warnings.count {
            return "expected \(warnings) warnings, got \(config.warnings.count): \(config.warnings.joined(separator: "; "))"
        }
        return nil
    }

    /// Configurations of a query that failed to load, unless the scheme expects their error.
    func loadProblems(_ query: NCAScheme.Query, _ runner: NCAQueryRunner) -> String? {
        for ref in query.configs {
            let name = String(ref.split(separator: "/").first ?? "")
            guard let config = try? runner.config(named: name) else { return "config \(name) is undefined" }
            let expected = runner.scheme.configs.first { $0.name == name }?.expectedError == 1
            if !config.errors.isEmpty && !expected { return "config \(name): \(config.errors.joined(separator: "; "))" }
        }
        return nil
    }

    func checkCount(_ query: NCAScheme.Query, _ expected: Int, _ runner: NCAQueryRunner) -> String? {
        if let problem = loadProblems(query, runner) { return problem }
        do {
            let outcome = try runner.run(query)
            if outcome.count != expected { return "expected \(expected), got \(outcome.count)" }
            if let notExecuted = query.expectedNotExecuted, notExecuted != outcome.notExecuted {
                return "expected \(notExecuted) not executed, got \(outcome.notExecuted)"
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    func checkOutput(_ query: NCAScheme.Query, _ golden: String, _ scheme: NCAScheme, _ runner: NCAQueryRunner) -> String? {
        if let problem = loadProblems(query, runner) { return problem }
        guard ["txt", "yaml", "json", "csv", "md", "txt_no_fw_rules"].contains(query.format) else {
            return "\(query.format) golden output is not compared yet"
        }
        return NCAGoldenCheck(runner: runner).check(query, goldenPath: "\(scheme.directory)/\(golden)")
    }
}
