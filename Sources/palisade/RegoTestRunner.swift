import Foundation
import PalisadeCore
import Rego

/// Finds and runs `test_*` rules the way `opa test` does.
struct RegoTestRunner {
    struct Test {
        var path: [String]
        var file: String
        var todo: Bool
        var name: String { "data." + path.joined(separator: ".") }
    }

    enum Status: String { case pass = "PASS", fail = "FAIL", error = "ERROR", skipped = "SKIPPED" }

    struct Outcome {
        var test: Test
        var status: Status
        var seconds: Double
        var message: String?
        var output: [String]

        var line: String {
            var text = "\(test.name): \(status.rawValue)"
            if status != .skipped { text += " (\(formatDuration(seconds)))" }
            if let message { text += "\n  " + message }
            return text
        }
    }

    let engine: RegoEngine
    let timeout: Double
    let coverage: CoverageRecorder?

    /// Test rules (no arguments), in file order then name order; each listed once.
    func discover() -> [Test] {
        var seen = Set<[String]>()
        var tests: [Test] = []
        for module in engine.modules {
            for rule in module.rules where rule.head.args == nil && rule.head.ref.count == 1 {
                let name = rule.head.name
                let todo = name.hasPrefix("todo_test_")
                guard name.hasPrefix("test_") || todo else { continue }
                let path = module.package + [name]
                if seen.insert(path).inserted { tests.append(Test(path: path, file: module.file, todo: todo)) }
            }
        }
        return tests
    }

    func run(_ test: Test, captureOutput: Bool) -> Outcome {
        if test.todo { return Outcome(test: test, status: .skipped, seconds: 0, message: nil, output: []) }
        let lines = LineCollector()
        var options = EvalOptions()
        options.timeoutSeconds = timeout
        options.coverage = coverage
        if captureOutput { options.printSink = { lines.append($0) } }
        let start = now()
        do {
            let value = try engine.evaluate(test.path, options: options)
            let elapsed = now() - start
            let passed = value != nil && value != .bool(false)
            return Outcome(test: test, status: passed ? .pass : .fail, seconds: elapsed, message: nil, output: lines.lines)
        } catch {
            return Outcome(test: test, status: .error, seconds: now() - start, message: "\(error)", output: lines.lines)
        }
    }

    static func summary(_ outcomes: [Outcome]) -> String {
        let total = outcomes.count
        var lines = ["PASS: \(outcomes.filter { $0.status == .pass }.count)/\(total)"]
        for status in [Status.fail, .error, .skipped] {
            let n = outcomes.filter { $0.status == status }.count
            if n > 0 { lines.append("\(status.rawValue): \(n)/\(total)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// Collects print() output from an evaluation (which may call from any thread).
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    func append(_ line: String) {
        lock.lock(); storage.append(line); lock.unlock()
    }

    var lines: [String] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }
}
