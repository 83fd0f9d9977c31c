import Kube
import PalisadeCore

/// What a scan reads: objects from manifests or a cluster, a description of
/// where they came from, and the problems met while reading them.
public struct ScanInputs: Sendable {
    public var objects: [KubeObject]
    /// Paths, `-`, or `cluster:<context>`.
    public var descriptions: [String]
    /// `file:line:col: message` for inputs that could not be read or parsed.
    public var errors: [String]
    /// Documents skipped on purpose (not Kubernetes objects).
    public var notices: [String]

    public init(objects: [KubeObject], descriptions: [String], errors: [String] = [], notices: [String] = []) {
        self.objects = objects
        self.descriptions = descriptions
        self.errors = errors
        self.notices = notices
    }

    /// The objects, errors and notices of loaded manifests.
    public init(manifests: ManifestSet, descriptions: [String]) {
        self.init(objects: manifests.objects, descriptions: descriptions,
                  errors: manifests.errors.map(\.description), notices: manifests.notices.map(\.description))
    }
}

/// Settings that change results but not which controls run.
public struct ScanSettings: Sendable {
    /// `data.palisade.config` (`--control-config`).
    public var controlConfig: Value
    /// Exceptions from `--exceptions` files (annotations are read from the objects).
    public var exceptions: [ScanException]
    /// The time exceptions expire against and `time.now_ns()` returns; injectable for tests.
    public var now: Timestamp
    /// Evaluation threads.
    public var threads: Int
    /// Collects per-control times when set (slower: no batching).
    public var profile: ControlProfile?

    public init(controlConfig: Value = .emptyObject, exceptions: [ScanException] = [], now: Timestamp, threads: Int = 2) {
        self.controlConfig = controlConfig
        self.exceptions = exceptions
        self.now = now
        self.threads = threads
    }
}
