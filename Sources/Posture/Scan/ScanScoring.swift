import PalisadeCore

/// The scoring formulas of docs/controls.md ("Scores").
public enum ScanScoring {
    /// Per framework: the mean score of the controls mapped to it that applied
    /// to at least one resource; frameworks sorted by name.
    public static func frameworkScores(_ results: [ControlResult]) -> [FrameworkScore] {
        var byFramework: [ControlMapping.Framework: [ControlResult]] = [:]
        for result in results {
            for framework in Set(result.control.mappings.map(\.framework)) { byFramework[framework, default: []].append(result) }
        }
        return byFramework.keys.sorted().map { framework in
            let mapped = byFramework[framework] ?? []
            return FrameworkScore(framework: framework, score: mean(mapped.compactMap(\.score)), controls: mapped.count,
                                  failedControls: mapped.filter { $0.failed + $0.errors > 0 }.count)
        }
    }

    /// The mean score of all controls that applied to at least one resource; 100 when none applied.
    public static func overall(_ results: [ControlResult]) -> Double {
        mean(results.compactMap(\.score)) ?? 100
    }

    /// Failed findings per severity (exempted ones are not counted); every severity is present.
    public static func severityCounts(_ findings: [Finding]) -> [Severity: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        for finding in findings where finding.status == .failed { counts[finding.severity, default: 0] += 1 }
        return counts
    }

    static func mean(_ scores: [Double]) -> Double? {
        guard !scores.isEmpty else { return nil }
        return scores.reduce(0, +) / Double(scores.count)
    }
}
