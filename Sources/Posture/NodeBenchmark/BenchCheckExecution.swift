/// The outputs of a check's audit commands.
public struct BenchAuditOutputs: Sendable {
    public var audit: String
    public var auditConfig: String
    public var auditEnv: String

    public init(audit: String = "", auditConfig: String = "", auditEnv: String = "") {
        self.audit = audit
        self.auditConfig = auditConfig
        self.auditEnv = auditEnv
    }
}

/// An error that makes a check FAIL (scored) or WARN (not scored).
public struct BenchCheckError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension BenchCheck {
    /// Runs the tests against audit outputs: each item looks in the audit output
    /// by `flag`, then (if not found and the check has `audit_config`) in the
    /// config output by `path`, then (if still not found) in the env output by
    /// `env`. Items combine with `bin_op`.
    public func execute(_ outputs: BenchAuditOutputs) -> (outcome: BenchTestOutcome, error: BenchCheckError?) {
        let items = tests?.items ?? []
        let results = items.map { evaluate($0, outputs) }
        var final = BenchTestOutcome()
        switch tests?.binOp ?? "" {
        case "", "and":
            final.passed = results.allSatisfy(\.passed)
            final.expected = results.map(\.expected).joined(separator: " AND ")
        case "or":
            final.passed = results.contains(where: \.passed)
            final.expected = results.map(\.expected).joined(separator: " OR ")
        case let other:
            let message = "unknown binary operator for tests \(other)"
            return (BenchTestOutcome(actual: message + "\n"), BenchCheckError(message: message))
        }
        final.actual = results.first?.actual ?? ""
        final.found = results.contains(where: \.found)
        return (final, nil)
    }

    private func evaluate(_ item: BenchTestItem, _ outputs: BenchAuditOutputs) -> BenchTestOutcome {
        var result = item.execute(outputs.audit, source: .command, multipleValues: isMultiple)
        if !result.found && !auditConfig.isEmpty {
            result = item.execute(outputs.auditConfig, source: .config, multipleValues: isMultiple)
        }
        if !result.found && !item.env.isEmpty {
            result = item.execute(outputs.auditEnv, source: .env, multipleValues: isMultiple)
        }
        return result
    }
}
