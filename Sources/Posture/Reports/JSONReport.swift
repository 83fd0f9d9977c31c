import PalisadeCore

/// Palisade's JSON report: every field of the scan report under a stable,
/// versioned schema. Keys are sorted by `JSONWriter`; arrays are in digest order.
///
/// Top level: `schemaVersion`, `tool`, `inputs`, `resourceCount`, `summary`
/// (overall score, control and finding counts, failed findings per severity),
/// `controls` (metadata, counts, score, verdict), `frameworks` (score and each
/// mapped control with its requirement ids and verdict), `findings` (failed and
/// exempted, `Finding.toValue()`), `errors`, `notices`.
/// Scores are percentages rounded to hundredths, null for a control that applied to nothing.
enum JSONReport {
    static let schemaVersion = 1

    static func render(_ digest: ReportDigest) -> String {
        JSONWriter.string(document(digest), options: .pretty) + "\n"
    }

    static func document(_ digest: ReportDigest) -> Value {
        let report = digest.report
        return .object(fields: [
            "schemaVersion": .int(schemaVersion),
            "tool": .object(fields: ["name": .string("palisade")]),
            "inputs": .array(report.inputs.map(Value.string)),
            "resourceCount": .int(report.resourceCount),
            "summary": summary(digest),
            "controls": .array(digest.controls.map(control)),
            "frameworks": .array(digest.frameworks.map { framework($0, digest) }),
            "findings": .array(digest.findings.map { $0.toValue() }),
            "errors": .array(report.errors.map(Value.string)),
            "notices": .array(report.notices.map(Value.string)),
        ])
    }

    static func summary(_ digest: ReportDigest) -> Value {
        var severities: [String: Value] = [:]
        for (severity, count) in digest.severityCounts { severities[severity.name] = .int(count) }
        return .object(fields: [
            "overallScore": ReportNumber.jsonValue(digest.report.overallScore),
            "controls": .object(fields: [
                "total": .int(digest.controls.count),
                "applied": .int(digest.appliedControlCount),
                "failed": .int(digest.failedControlCount),
            ]),
            "findings": .object(fields: [
                "failed": .int(digest.failures.count),
                "exempted": .int(digest.exemptions.count),
            ]),
            "severityCounts": .object(fields: severities),
        ])
    }

    static func control(_ result: ControlResult) -> Value {
        let info = result.control
        return .object(fields: [
            "id": .string(info.id), "title": .string(info.title), "description": .string(info.description),
            "severity": .string(info.severity.name), "remediation": .string(info.remediation),
            "kinds": .array(info.kinds.map(Value.string)),
            "mappings": .array(info.mappings.normalized().map { $0.toValue() }),
            "references": .array(info.references.map(Value.string)),
            "passed": .int(result.passed), "failed": .int(result.failed), "exempted": .int(result.exempted),
            "total": .int(result.total), "score": ReportNumber.jsonValue(result.score),
            "status": .string(result.reportVerdict),
        ])
    }

    static func framework(_ score: FrameworkScore, _ digest: ReportDigest) -> Value {
        let rows = digest.requirements(of: score.framework).map { row -> Value in
            .object(fields: [
                "control": .string(row.result.control.id),
                "title": .string(row.result.control.title),
                "requirements": .array(row.requirements.map(Value.string)),
                "score": ReportNumber.jsonValue(row.result.score),
                "status": .string(row.result.reportVerdict),
            ])
        }
        return .object(fields: [
            "framework": .string(score.framework.rawValue),
            "score": ReportNumber.jsonValue(score.score),
            "controls": .int(score.controls),
            "failedControls": .int(score.failedControls),
            "requirements": .array(rows),
        ])
    }
}
