import PalisadeCore

/// One controls file of a benchmark (kube-bench's `Controls`): the checks
/// for one target such as `master` or `node`.
public struct BenchControls: Sendable {
    public var id: String
    public var version: String
    /// The Kubernetes version the benchmark was chosen for, when known.
    public var detectedVersion: String
    public var text: String
    /// The target: master, node, etcd, controlplane, policies or managedservices.
    public var nodeType: String
    public var groups: [BenchGroup]

    public init(id: String, version: String, detectedVersion: String = "", text: String, nodeType: String, groups: [BenchGroup]) {
        self.id = id
        self.version = version
        self.detectedVersion = detectedVersion
        self.text = text
        self.nodeType = nodeType
        self.groups = groups
    }

    /// Every check, in file order.
    public var checks: [BenchCheck] { groups.flatMap(\.checks) }
}

/// A section of related checks.
public struct BenchGroup: Sendable {
    public var id: String
    public var text: String
    /// `skip` turns every check of the group into INFO.
    public var type: String
    public var checks: [BenchCheck]

    public init(id: String, text: String, type: String = "", checks: [BenchCheck]) {
        self.id = id
        self.text = text
        self.type = type
        self.checks = checks
    }
}

/// One recommendation: the commands that audit it and the tests on their output.
public struct BenchCheck: Sendable {
    public var id: String
    public var text: String
    /// Command whose output `flag` tests search.
    public var audit: String
    /// Command printing `NAME=value` lines for `env` tests.
    public var auditEnv: String
    /// Command printing YAML or JSON for `path` tests.
    public var auditConfig: String
    /// `manual` (WARN), `skip` (INFO) or empty.
    public var type: String
    /// Nil when the definition has no `tests` key.
    public var tests: BenchTests?
    public var remediation: String
    public var scored: Bool
    /// `use_multiple_values`: every output line must pass on its own.
    public var isMultiple: Bool
    /// `disableEnvTesting`: never generate a default `audit_env`.
    public var disableEnvTesting: Bool
    public var location: SourceLocation?

    public init(id: String, text: String = "", audit: String = "", auditEnv: String = "", auditConfig: String = "",
                type: String = "", tests: BenchTests? = nil, remediation: String = "", scored: Bool = false,
                isMultiple: Bool = false, disableEnvTesting: Bool = false, location: SourceLocation? = nil) {
        self.id = id
        self.text = text
        self.audit = audit
        self.auditEnv = auditEnv
        self.auditConfig = auditConfig
        self.type = type
        self.tests = tests
        self.remediation = remediation
        self.scored = scored
        self.isMultiple = isMultiple
        self.disableEnvTesting = disableEnvTesting
        self.location = location
    }
}

/// The tests of a check, combined with `and` (the default) or `or`.
public struct BenchTests: Sendable {
    public var items: [BenchTestItem]
    /// As written; anything but "", `and` and `or` makes the check error.
    public var binOp: String

    public init(items: [BenchTestItem], binOp: String = "") {
        self.items = items
        self.binOp = binOp
    }
}

/// One test: where to find a setting (`flag`, `path`, `env`) and what it must be.
public struct BenchTestItem: Sendable {
    /// Text searched in the audit output, e.g. `--anonymous-auth` or `permissions`.
    public var flag: String
    /// Kubernetes JSONPath into the audit_config output, e.g. `{.readOnlyPort}`.
    public var path: String
    /// Variable name searched in the audit_env output.
    public var env: String
    /// True: the setting must be found (and compare, if any, must hold). False: it must be absent.
    public var set: Bool
    public var compare: BenchCompare

    public init(flag: String = "", path: String = "", env: String = "", set: Bool = true, compare: BenchCompare = BenchCompare()) {
        self.flag = flag
        self.path = path
        self.env = env
        self.set = set
        self.compare = compare
    }
}

/// A comparison of the found value with `value` by `op` (see `BenchComparison`).
public struct BenchCompare: Sendable {
    public var op: String
    public var value: String

    public init(op: String = "", value: String = "") {
        self.op = op
        self.value = value
    }
}
