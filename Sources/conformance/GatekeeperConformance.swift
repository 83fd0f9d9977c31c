import Foundation
import Rego

/// Every gator Suite below DIR; each assertion is one case, named
/// `suite/test/case` (with `#N` when a case has several assertions).
struct GatekeeperConformance: ConformanceSuite {
    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        var evalOptions = EvalOptions()
        evalOptions.timeoutSeconds = options.timeout
        let limits = evalOptions
        return try GatorSuite.find(in: options.directory).map { file in
            ConformanceUnit(file: file, name: "(suite)", timeLimit: options.timeout * 30 + 30) {
                let suite: GatorSuite
                do { suite = try GatorSuite.load(file) } catch {
                    return [CaseResult(file: file, name: "(suite)", failure: "\(error)")]
                }
                var runner = GatorRunner(options: limits)
                return runner.run(suite)
                    .filter { !$0.skipped && options.selects($0.file, $0.name) }
                    .map { CaseResult(file: $0.file, name: $0.name, failure: $0.failure) }
            }
        }
    }
}
