import PalisadeCore

/// Reads a live cluster, read-only: discovers every listable resource type,
/// lists each across all namespaces page by page, and returns the objects
/// with `apiVersion` and `kind` filled in.
///
/// Resource types that cannot be read (RBAC forbids it, an aggregated API is
/// down, a request times out) become warnings; the others are still read.
/// Not being able to reach or authenticate to the server at all is an error.
/// Secret values are dropped on read (see `ListedObject`).
public struct ClusterReader: Sendable {
    public let connection: ClusterConnection
    /// Seconds each request may take, connecting included.
    public let requestTimeout: Double
    /// Objects per page (`limit`).
    public let pageSize: Int
    /// Requests in flight at once.
    public var maxConcurrentRequests = 4
    /// Largest response body accepted, per page.
    public var maxResponseBytes = KubeAPIClient.defaultMaxResponseBytes

    public init(connection: ClusterConnection, requestTimeout: Double = 30, pageSize: Int = 500) {
        self.connection = connection
        self.requestTimeout = requestTimeout
        self.pageSize = max(1, pageSize)
    }

    /// Reads every resource type, or with `kinds` only those whose kind or
    /// plural name (optionally `.group`-qualified) is in the set.
    public func readAll(kinds: Set<String>? = nil) async throws -> ClusterReadResult {
        let client = try await KubeAPIClient.connect(connection, requestTimeout: requestTimeout,
                                                     maxResponseBytes: maxResponseBytes)
        do {
            let result = try await read(using: client, kinds: kinds)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// `readAll` over any source of GET answers.
    func read(using getter: any KubeGetting, kinds: Set<String>?) async throws -> ClusterReadResult {
        let discovery = try await APIDiscovery(getter: getter, concurrency: maxConcurrentRequests).run()
        let selected = ResourceTypeSelection.select(discovery.types, kinds: kinds)
        let pager = ResourcePager(getter: getter, pageSize: pageSize)
        let lists = await BoundedConcurrency.map(selected, limit: maxConcurrentRequests) { type in
            try await pager.items(of: type).compactMap { ListedObject.make($0, as: type) }
        }
        var result = ClusterReadResult(warnings: discovery.warnings, resourceTypes: selected.count)
        var seenUIDs: Set<String> = []
        for (type, list) in zip(selected, lists) {
            switch list {
            case .success(let objects):
                result.typesRead.append(type)
                result.objects += objects.filter { object in object.uid.map { seenUIDs.insert($0).inserted } ?? true }
            case .failure(let error):
                result.warnings.append(Self.warning(type, error))
            }
        }
        return result
    }

    private static func warning(_ type: APIResourceType, _ error: any Error) -> String {
        if case KubeAPIError.status(let status, _) = error, status.code == 403 {
            let detail = status.message.isEmpty ? "" : ": \(status.message)"
            return "forbidden to list \(type) (\(type.kind))\(detail)"
        }
        return "cannot list \(type) (\(type.kind)): \(error)"
    }
}
