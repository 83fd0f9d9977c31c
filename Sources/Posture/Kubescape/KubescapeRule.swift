import PalisadeCore
import Rego

/// One Kubescape rule as regolibrary lays it out: a directory holding
/// `rule.metadata.json`, `raw.rego` (package `armo_builtins`, findings in the
/// partial set `deny`) and optionally `filter.rego`.
///
/// Rules run unchanged: they are parsed as OPA's Rego v0 (rules that
/// `import rego.v1` get v1 syntax), next to the dependency modules that
/// Kubescape always compiles with them (`data.cautils`, ...).
public struct KubescapeRule: Sendable {
    /// `name` from the metadata, or the directory name.
    public var name: String
    /// The whole `rule.metadata.json` document.
    public var metadata: Value
    /// `raw.rego`: the rule itself.
    public var policy: RegoSource
    /// `filter.rego`, which Kubescape uses to list the resources a rule looked at.
    public var filter: RegoSource?

    public init(name: String, metadata: Value = .emptyObject, policy: RegoSource, filter: RegoSource? = nil) {
        self.name = name
        self.metadata = metadata
        self.policy = policy
        self.filter = filter
    }

    /// Loads a rule directory (`rule.metadata.json`, `raw.rego`, `filter.rego`).
    public static func load(directory: String) throws -> KubescapeRule {
        let metadataPath = KubescapeFiles.join(directory, "rule.metadata.json")
        let metadata = try KubescapeFiles.readJSON(metadataPath)
        guard case .object = metadata else {
            throw KubescapeError("rule metadata must be a JSON object", file: metadataPath)
        }
        let rawPath = KubescapeFiles.join(directory, "raw.rego")
        let policy = RegoSource(file: rawPath, text: try KubescapeFiles.readText(rawPath))
        let filterPath = KubescapeFiles.join(directory, "filter.rego")
        let filter = try KubescapeFiles.readOptionalText(filterPath).map { RegoSource(file: filterPath, text: $0) }
        let fallback = kubescapeLastPathComponent(directory)
        return KubescapeRule(name: metadata["name"]?.stringValue ?? fallback, metadata: metadata,
                             policy: policy, filter: filter)
    }

    /// `attributes.resourcesAggregator`, which reshapes the input first.
    public var aggregator: KubescapeAggregator? {
        metadata["attributes"]?["resourcesAggregator"]?.stringValue.map(KubescapeAggregator.init(named:))
    }

    /// `controlConfigInputs[].path`: the settings the rule reads from `data`.
    public var configInputPaths: [String] {
        (metadata["controlConfigInputs"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue }
    }
}

/// The last component of a path (the rule's directory name).
func kubescapeLastPathComponent(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
