import Foundation
import PalisadeCore
import Posture
import Rego

/// Kubescape's regolibrary rules with their own test vectors, run unchanged:
/// DIR holds `rules/<rule>/` (rule.metadata.json, raw.rego, filter.rego,
/// test/<case>/...), `default-config-inputs.json` and `deps/`.
///
/// Each test case is one result, named `<rule>/<case>`, judged as regolibrary's
/// Go test runner judges it (testrunner/opaprocessor):
/// - the rule (raw.rego) is compiled as Rego v0 with Kubescape's dependency
///   modules from DIR/deps (cautils, designators, kubernetes.api.client);
/// - `input` is the array of the case's input files (YAML or JSON, sorted by
///   name, numbers as Go float64), reshaped by the rule's resourcesAggregator;
/// - `data.postureControlInputs` is default-config-inputs.json's
///   settings.postureControlInputs with the case's data.json keys on top,
///   `data.dataControlInputs` the case's data.json one;
/// - every value of `data.armo_builtins` is decoded as a Go `[]RuleResponse`
///   (a decode or evaluation error fails the case), k8sApiObjects cut down to
///   apiVersion, kind, metadata.{name,labels};
/// - expected.json (array or single object) is decoded the same way, and the
///   two lists must be equal as multisets of their Go JSON serializations
///   (Go zero values: a missing list is null, distinct from []).
/// A case with expected-filter.json adds a result `<rule>/<case> (filter)`
/// for filter.rego, judged the same way.
struct KubescapeConformance: ConformanceSuite {
    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let rulesRoot = (options.directory as NSString).appendingPathComponent("rules")
        let ruleNames: [String]
        do {
            ruleNames = try FileManager.default.contentsOfDirectory(atPath: rulesRoot).sorted()
        } catch {
            throw UsageError(description: "\(rulesRoot): cannot read directory")
        }
        let configFile = (options.directory as NSString).appendingPathComponent("default-config-inputs.json")
        let depsDirectory = (options.directory as NSString).appendingPathComponent("deps")
        return ruleNames.compactMap { name in
            let ruleDirectory = (rulesRoot as NSString).appendingPathComponent(name)
            let cases = ((try? KubescapeRuleTest.cases(ruleDirectory: ruleDirectory)) ?? [])
                .filter { options.selects(ruleDirectory, "\(name)/\($0.name)") }
            guard !cases.isEmpty else { return nil }
            let run = KubescapeRuleRun(ruleDirectory: ruleDirectory, name: name, cases: cases,
                                       configFile: configFile, depsDirectory: depsDirectory, timeout: options.timeout)
            return ConformanceUnit(file: ruleDirectory, name: name, timeLimit: options.timeout * Double(cases.count * 2 + 1) + 10) {
                run.results()
            }
        }
    }
}

/// All selected cases of one rule, sharing one compiled rule.
struct KubescapeRuleRun: Sendable {
    let ruleDirectory: String
    let name: String
    let cases: [KubescapeRuleTest]
    let configFile: String
    let depsDirectory: String
    let timeout: Double

    func results() -> [CaseResult] {
        let defaults: KubescapeControlInputs
        let raw: KubescapeRuleEngine
        let rule: KubescapeRule
        do {
            defaults = try KubescapeControlInputs.load(configFile: configFile)
            rule = try KubescapeRule.load(directory: ruleDirectory)
            raw = try KubescapeRuleEngine(rule: rule, modules: try dependencyModules())
        } catch {
            return cases.map { CaseResult(file: ruleDirectory, name: "\(name)/\($0.name)", failure: "error: \(error)") }
        }
        var options = EvalOptions()
        options.timeoutSeconds = timeout
        var results: [CaseResult] = []
        for test in cases {
            let caseName = "\(name)/\(test.name)"
            results.append(CaseResult(file: ruleDirectory, name: caseName,
                                      failure: test.judge(raw, defaults: defaults, options: options)))
            if test.hasFilterExpectation {
                let failure: String?
                do {
                    let filter = try KubescapeRuleEngine(rule: rule, policy: .filter, modules: try dependencyModules())
                    failure = test.judge(filter, defaults: defaults, filter: true, options: options)
                } catch {
                    failure = "error: \(error)"
                }
                results.append(CaseResult(file: ruleDirectory, name: caseName + " (filter)", failure: failure))
            }
        }
        return results
    }

    /// DIR/deps/*.rego: the library modules Kubescape compiles with every rule.
    private func dependencyModules() throws -> [RegoSource] {
        try KubescapeDependencies.load(from: depsDirectory)
    }
}
