/// The state of a check after it ran.
public enum BenchState: String, Sendable, CaseIterable {
    /// The tests passed.
    case pass = "PASS"
    /// A scored check's tests failed, or its audit could not run.
    case fail = "FAIL"
    /// A manual check, or an unscored check that failed or could not run.
    case warn = "WARN"
    /// A skipped check.
    case info = "INFO"
}

/// One check with the outcome of running it.
public struct BenchCheckResult: Sendable {
    public var check: BenchCheck
    public var state: BenchState
    public var actualValue: String
    public var expectedResult: String
    /// Why the check could not be evaluated (audit error, manual, skip, …).
    public var reason: String
    public var outputs: BenchAuditOutputs

    public init(check: BenchCheck, state: BenchState, actualValue: String = "", expectedResult: String = "",
                reason: String = "", outputs: BenchAuditOutputs = BenchAuditOutputs()) {
        self.check = check
        self.state = state
        self.actualValue = actualValue
        self.expectedResult = expectedResult
        self.reason = reason
        self.outputs = outputs
    }
}

extension BenchCheck {
    /// Runs the check: decides manual/skip/no-test states, runs the audits
    /// with `runner` and evaluates the tests.
    public func run(with runner: BenchAuditRunner) -> BenchCheckResult {
        if let early = stateWithoutRunning() { return early }
        let failed: BenchState = scored ? .fail : .warn
        let (outputs, auditError) = runAudits(runner)
        var result = BenchCheckResult(check: self, state: failed, outputs: outputs)
        if let auditError {
            result.reason = auditError
            return result
        }
        let (outcome, error) = execute(outputs)
        result.state = outcome.passed ? .pass : failed
        result.actualValue = outcome.actual
        result.expectedResult = outcome.expected
        if let error {
            result.state = failed
            result.reason = error.message
        }
        return result
    }

    /// The state of checks that run no commands, or nil when the audits must run.
    func stateWithoutRunning() -> BenchCheckResult? {
        if scored && type.trimmingCharacters(in: .whitespaces).isEmpty && tests == nil {
            return BenchCheckResult(check: self, state: .warn, reason: "There are no tests")
        }
        if type == "skip" { return BenchCheckResult(check: self, state: .info, reason: "Test marked as skip") }
        if type == "manual" { return BenchCheckResult(check: self, state: .warn, reason: "Test marked as a manual test") }
        if tests?.items.isEmpty ?? true {
            return BenchCheckResult(check: self, state: scored ? .fail : .warn, reason: "No tests defined")
        }
        return nil
    }

    /// Runs audit_env, audit and audit_config. A missing-file error from
    /// audit_config is ignored when the other commands produced output.
    func runAudits(_ runner: BenchAuditRunner) -> (BenchAuditOutputs, String?) {
        var outputs = BenchAuditOutputs()
        if !auditEnv.isEmpty {
            let env = runner.run(auditEnv)
            outputs.auditEnv = env.output
            if let error = env.error { return (outputs, error) }
        }
        let main = runner.run(audit)
        outputs.audit = main.output
        if let error = main.error { return (outputs, error) }
        let config = runner.run(auditConfig)
        outputs.auditConfig = config.output
        if let error = config.error {
            let missing = config.status == 127 || config.output.contains("No such file")
            let haveOther = !outputs.audit.isEmpty || !outputs.auditEnv.isEmpty
            if !(missing && haveOther) { return (outputs, error) }
        }
        return (outputs, nil)
    }
}
