import PalisadeCore
import Rego

/// `opa test --coverage`'s JSON report: per file, the covered and not covered
/// line ranges and the percentage; test files themselves are left out.
enum CoverageReport {
    static func make(engine: RegoEngine, recorder: CoverageRecorder) -> OrderedJSON {
        let coverable = CoverageRecorder.coverableLines(in: engine.modules.filter { !isTestModule($0) })
        let covered = recorder.coveredLines
        var files: [(String, OrderedJSON)] = []
        var totalCovered = 0, totalMissed = 0
        for (file, lines) in coverable.sorted(by: { $0.key < $1.key }) {
            let hit = lines.intersection(covered[file] ?? [])
            let missed = lines.subtracting(hit)
            totalCovered += hit.count
            totalMissed += missed.count
            var entry: [(String, OrderedJSON)] = []
            if !hit.isEmpty { entry.append(("covered", ranges(hit))) }
            if !missed.isEmpty { entry.append(("not_covered", ranges(missed))) }
            entry += [
                ("covered_lines", .value(.int(hit.count))),
                ("not_covered_lines", .value(.int(missed.count))),
                ("coverage", .value(percentage(hit.count, missed.count))),
            ]
            files.append((file, .object(entry)))
        }
        return .object([
            ("files", .object(files)),
            ("covered_lines", .value(.int(totalCovered))),
            ("not_covered_lines", .value(.int(totalMissed))),
            ("coverage", .value(percentage(totalCovered, totalMissed))),
        ])
    }

    private static func isTestModule(_ module: Module) -> Bool {
        module.file.hasSuffix("_test.rego")
            || (!module.rules.isEmpty && module.rules.allSatisfy { $0.head.name.hasPrefix("test_") || $0.head.name.hasPrefix("todo_test_") })
    }

    private static func percentage(_ covered: Int, _ missed: Int) -> Value {
        let total = covered + missed
        guard total > 0 else { return .int(0) }
        return .double((Double(covered) * 10000 / Double(total)).rounded() / 100)
    }

    /// Consecutive lines as `{"start": {"row": a}, "end": {"row": b}}`.
    private static func ranges(_ lines: Set<Int>) -> OrderedJSON {
        var result: [OrderedJSON] = []
        var start: Int?, end = 0
        for line in lines.sorted() {
            if let s = start, line == end + 1 { end = line; _ = s; continue }
            if let s = start { result.append(range(s, end)) }
            start = line
            end = line
        }
        if let s = start { result.append(range(s, end)) }
        return .array(result)
    }

    private static func range(_ a: Int, _ b: Int) -> OrderedJSON {
        .object([("start", .object([("row", .value(.int(a)))])), ("end", .object([("row", .value(.int(b)))]))])
    }
}
