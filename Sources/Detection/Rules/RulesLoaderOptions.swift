/// What the loader accepts: the engine version, the event sources and the
/// plugins (name → version) whose fields the registry provides.
public struct RulesLoaderOptions: Sendable {
    public var engineVersion: EngineVersion = .current
    public var registry: FieldRegistry = .standard
    public var sources: Set<String> = ["syscall", "k8s_audit", "aws_cloudtrail", "gcp_auditlog", "github", "okta"]
    public var plugins: [String: String] = [
        "container": "0.6.0", "k8saudit": "0.18.0", "json": "0.7.0", "cloudtrail": "0.16.0",
        "gcpaudit": "0.6.0", "github": "0.8.0", "okta": "0.12.0",
    ]
    /// Largest rules file accepted, in bytes.
    public var maxFileSize = 16 << 20

    public init() {}
}
