/// Counts of check states.
public struct BenchSummary: Sendable, Equatable {
    public var pass = 0
    public var fail = 0
    public var warn = 0
    public var info = 0

    public init(pass: Int = 0, fail: Int = 0, warn: Int = 0, info: Int = 0) {
        self.pass = pass
        self.fail = fail
        self.warn = warn
        self.info = info
    }

    public mutating func add(_ state: BenchState) {
        switch state {
        case .pass: pass += 1
        case .fail: fail += 1
        case .warn: warn += 1
        case .info: info += 1
        }
    }

    public static func + (a: BenchSummary, b: BenchSummary) -> BenchSummary {
        BenchSummary(pass: a.pass + b.pass, fail: a.fail + b.fail, warn: a.warn + b.warn, info: a.info + b.info)
    }

    public var total: Int { pass + fail + warn + info }
}

/// A group with the results of the checks that ran.
public struct BenchGroupResult: Sendable {
    public var id: String
    public var text: String
    public var type: String
    public var results: [BenchCheckResult]
    public var summary: BenchSummary
}

/// One controls file after running.
public struct BenchControlsResult: Sendable {
    public var controls: BenchControls
    public var groups: [BenchGroupResult]
    public var summary: BenchSummary
}

/// Which checks to run.
public struct BenchFilter: Sendable {
    /// Only these check ids (empty: all).
    public var checkIDs: Set<String> = []
    /// Only these group ids (empty: all).
    public var groupIDs: Set<String> = []
    /// Check or group ids forced to INFO.
    public var skipIDs: Set<String> = []
    public var scored = true
    public var unscored = true

    public init(checkIDs: Set<String> = [], groupIDs: Set<String> = [], skipIDs: Set<String> = []) {
        self.checkIDs = checkIDs
        self.groupIDs = groupIDs
        self.skipIDs = skipIDs
    }

    func selects(_ group: BenchGroup, _ check: BenchCheck) -> Bool {
        (groupIDs.isEmpty || groupIDs.contains(group.id))
            && (checkIDs.isEmpty || checkIDs.contains(check.id))
            && (check.scored ? scored : unscored)
    }
}

extension BenchControls {
    /// Runs the selected checks; groups of type `skip` and skipped ids give INFO.
    public func run(with runner: BenchAuditRunner, filter: BenchFilter = BenchFilter()) -> BenchControlsResult {
        var groupResults: [BenchGroupResult] = []
        var total = BenchSummary()
        for group in groups {
            var results: [BenchCheckResult] = []
            var summary = BenchSummary()
            for var check in group.checks where filter.selects(group, check) {
                if group.type == "skip" || filter.skipIDs.contains(group.id) || filter.skipIDs.contains(check.id) {
                    check.type = "skip"
                }
                let result = check.run(with: runner)
                summary.add(result.state)
                results.append(result)
            }
            guard !results.isEmpty else { continue }
            groupResults.append(BenchGroupResult(id: group.id, text: group.text, type: group.type, results: results, summary: summary))
            total = total + summary
        }
        return BenchControlsResult(controls: self, groups: groupResults, summary: total)
    }

    /// Gives checks that test `env` without an `audit_env` kube-bench's default
    /// command, which reads the environment of the one substituted binary.
    public mutating func addDefaultEnvAudits(substitutedBinaries: [String]) {
        let binary = substitutedBinaries.count == 1 ? substitutedBinaries[0] : ""
        for g in groups.indices {
            for c in groups[g].checks.indices {
                let check = groups[g].checks[c]
                guard !check.disableEnvTesting, check.auditEnv.isEmpty,
                      check.tests?.items.contains(where: { !$0.env.isEmpty }) == true else { continue }
                groups[g].checks[c].auditEnv = "cat \"/proc/$(/bin/ps -C \(binary) -o pid= | tr -d ' ')/environ\" | tr '\\0' '\\n'"
            }
        }
    }
}
