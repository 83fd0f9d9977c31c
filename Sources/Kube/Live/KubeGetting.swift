import PalisadeCore

/// Something that answers GET requests with decoded JSON: the API client, or
/// recorded answers in tests.
public protocol KubeGetting: Sendable {
    func get(_ path: String, query: [(String, String)]) async throws -> Value
}

extension KubeAPIClient: KubeGetting {}
