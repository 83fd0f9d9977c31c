import PalisadeCore

/// What loading manifests produced: the objects, the documents skipped with a
/// notice, and the inputs that could not be read or parsed.
public struct ManifestSet: Sendable {
    /// Kubernetes objects in input order (files in the order given, directories sorted).
    public var objects: [KubeObject] = []
    public var notices: [ManifestNotice] = []
    public var errors: [InputError] = []
    /// The files that were read (`-` for stdin), in order.
    public var files: [String] = []

    public init() {}

    /// Appends another set's contents after this one's.
    public mutating func append(_ other: ManifestSet) {
        objects += other.objects
        notices += other.notices
        errors += other.errors
        files += other.files
    }
}
