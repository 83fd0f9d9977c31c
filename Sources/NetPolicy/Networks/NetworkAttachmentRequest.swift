import Foundation
import PalisadeCore

/// One secondary network a workload asks for: a NetworkAttachmentDefinition
/// named `name`, in `namespace` or (when nil) in the workload's namespace.
public struct NetworkAttachmentRequest: Sendable, Hashable {
    public var namespace: String?
    public var name: String

    public init(namespace: String?, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// Parses `name`, `namespace/name` or `namespace/name@interface`.
    public init(reference: String) {
        var text = Substring(reference.trimmingCharacters(in: .whitespaces))
        if let at = text.firstIndex(of: "@") { text = text[..<at] }
        if let slash = text.firstIndex(of: "/") {
            namespace = String(text[..<slash])
            name = String(text[text.index(after: slash)...])
        } else {
            namespace = nil
            name = String(text)
        }
    }

    /// The pod annotation naming a pod's secondary networks.
    public static let podAnnotation = "k8s.v1.cni.cncf.io/networks"

    /// Reads the annotation: a comma-separated list of references, or a JSON
    /// list of `{"name", "namespace"}` objects.
    public static func parse(annotation text: String) throws -> [NetworkAttachmentRequest] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") {
            let value = try JSONReader.decode(trimmed, file: podAnnotation)
            guard let entries = value.arrayValue else { return [] }
            return try entries.map { entry in
                guard let name = entry["name"]?.stringValue, !name.isEmpty else {
                    throw InputError("annotation \(podAnnotation): each network needs a \"name\"")
                }
                return NetworkAttachmentRequest(namespace: entry["namespace"]?.stringValue, name: name)
            }
        }
        return trimmed.split(separator: ",").map { NetworkAttachmentRequest(reference: String($0)) }.filter { !$0.name.isEmpty }
    }
}
