import ArgumentParser
import Foundation
import PalisadeCore
import Rego

struct PolicyVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run Gatekeeper test suites (like `gator verify`).",
        discussion: """
        Reads gator Suite files (kind: Suite, test.gatekeeper.sh/v1alpha1).
        Each test names a ConstraintTemplate and a Constraint; each case an
        object (or an AdmissionReview), optional inventory objects, and
        assertions on the violations. Directories are searched for Suites.

        Exit status: 0 when every assertion held, 1 when one failed, 2 when
        no suite could be read.

        Example:
          palisade policy verify examples/gatekeeper
        """
    )

    @Argument(help: "Suite files, or directories searched for them.")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Print every case, not only failures.")
    var verbose = false

    @Option(name: .customLong("run"), help: ArgumentHelp("Only run cases whose suite/test/case name matches this regular expression.", valueName: "regex"))
    var runPattern: String?

    func run() throws {
        var suiteFiles: [String] = []
        for path in paths {
            do { suiteFiles += try GatorSuite.find(in: path) } catch {
                printError("\(error)")
                throw PolicyExit.unusable
            }
        }
        guard !suiteFiles.isEmpty else {
            printError("palisade policy verify: no Suite files found in \(paths.joined(separator: ", "))")
            throw PolicyExit.unusable
        }
        let filter = try runPattern.map { try NSRegularExpression(pattern: $0) }
        var runner = GatorRunner()
        var passed = 0, failed = 0
        for file in suiteFiles {
            let start = now()
            let results: [GatorRunner.Result]
            do { results = runner.run(try GatorSuite.load(file)) } catch {
                print("FAIL\t\(file)\n    \(error)")
                failed += 1
                continue
            }
            let selected = results.filter { r in
                guard let filter else { return true }
                return filter.firstMatch(in: r.name, range: NSRange(r.name.startIndex..., in: r.name)) != nil
            }
            for r in selected where !r.skipped {
                if let failure = r.failure {
                    failed += 1
                    print("    --- FAIL: \(r.name)\n        \(failure)")
                } else {
                    passed += 1
                    if verbose { print("    --- PASS: \(r.name)") }
                }
            }
            let ok = !selected.contains { $0.failure != nil }
            print("\(ok ? "ok" : "FAIL")\t\(file)\t\(String(format: "%.3fs", now() - start))")
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw PolicyExit.failed }
    }
}
