import ArgumentParser
import Foundation
import PalisadeCore
import Rego

struct PolicyTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run Rego unit tests: every rule named test_* (like `opa test`).",
        discussion: """
        A test passes when its rule is defined and not false; rules named
        todo_test_* are reported as SKIPPED. Data files (.json, .yaml) in the
        given paths are loaded as `opa test` loads them.

        Exit status: 0 when every test passed, 1 when a test failed or
        errored, 2 when the policies could not be loaded.

        Example:
          palisade policy test examples/policies
        """
    )

    @Argument(help: "Rego files or directories holding policies and their tests.")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Print every test's name and its print() output.")
    var verbose = false

    @Option(name: .customLong("run"), help: ArgumentHelp("Only run tests whose name (data.pkg.test_x) matches this regular expression.", valueName: "regex"))
    var runPattern: String?

    @Flag(name: .long, help: "Parse modules as Rego v0 (no `if`/`contains` required).")
    var v0Compatible = false

    @Flag(name: .long, help: "Strict checks as `opa check --strict`: unused imports and assignments, deprecated builtins.")
    var strict = false

    @Flag(name: .long, help: "Print a JSON coverage report (lines of the policies the tests reached) instead of test lines.")
    var coverage = false

    @Option(name: .long, help: ArgumentHelp("Per-test time limit.", valueName: "seconds"))
    var timeout: Double = 5

    func run() throws {
        let filter: NSRegularExpression?
        do { filter = try runPattern.map { try NSRegularExpression(pattern: $0) } } catch {
            printError("palisade policy test: --run: invalid regular expression: \(runPattern ?? "")")
            throw PolicyExit.unusable
        }
        let engine: RegoEngine
        do {
            let files = try PolicyFiles(paths: paths)
            engine = try RegoEngine(sources: files.sources, data: files.data, version: v0Compatible ? .v0 : .v1, strict: strict)
        } catch {
            printError("\(error)")
            throw PolicyExit.unusable
        }
        let recorder = coverage ? CoverageRecorder() : nil
        let runner = RegoTestRunner(engine: engine, timeout: timeout, coverage: recorder)
        let tests = runner.discover().filter { test in
            guard let filter else { return true }
            return filter.firstMatch(in: test.name, range: NSRange(test.name.startIndex..., in: test.name)) != nil
        }
        var outcomes: [RegoTestRunner.Outcome] = []
        var lastFile = ""
        for test in tests {
            let outcome = runner.run(test, captureOutput: verbose)
            outcomes.append(outcome)
            if coverage { continue }
            if verbose, test.file != lastFile { print("\(test.file):"); lastFile = test.file }
            print(outcome.line)
            if verbose, !outcome.output.isEmpty {
                print("")
                for line in outcome.output { print("  " + line) }
                print("")
            }
        }
        if let recorder {
            print(CoverageReport.make(engine: engine, recorder: recorder).render())
        } else {
            print(String(repeating: "-", count: 80))
            print(RegoTestRunner.summary(outcomes))
        }
        if outcomes.contains(where: { $0.status == .fail || $0.status == .error }) { throw PolicyExit.failed }
    }
}
