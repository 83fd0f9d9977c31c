import PalisadeCore
import Rego

/// `opa test --coverage`'s JSON report: per file, the covered and not covered
/// line ranges and the percentage; test files themselves are left out.
enum CoverageReport {
    static func make(engine: RegoEngine, recorder: CoverageRecorder) -> Value {
        let coverable = CoverageRecorder.coverableLines(in: engine.modules.filter { !isTestModule($0) })
        let covered = recorder.coveredLines
        var files: [String: Value] = [:]
        var totalCovered = 0, totalMissed = 0
        for (file, lines) in coverable {
            let hit = lines.intersection(covered[file] ?? [])
            let missed = lines.subtracting(hit)
            totalCovered += hit.count
            totalMissed += missed.count
            var entry: [String: Value] = [
                "covered_lines": .int(hit.count),
                "not_covered_lines": .int(missed.count),
                "coverage": percentage(hit.count, missed.count),
            ]
            if !hit.isEmpty { entry["covered"] = ranges(hit) }
            if !missed.isEmpty { entry["not_covered"] = ranges(missed) }
            files[file] = .object(fields: entry)
        }
        return .object(fields: [
            "files": .object(fields: files),
            "covered_lines": .int(totalCovered),
            "not_covered_lines": .int(totalMissed),
            "coverage": percentage(totalCovered, totalMissed),
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
    private static func ranges(_ lines: Set<Int>) -> Value {
        var result: [Value] = []
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

    private static func range(_ a: Int, _ b: Int) -> Value {
        .object(fields: ["start": .object(fields: ["row": .int(a)]), "end": .object(fields: ["row": .int(b)])])
    }
}
