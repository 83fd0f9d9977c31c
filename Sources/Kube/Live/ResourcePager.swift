import PalisadeCore

/// Lists every object of one resource type, page by page (`limit` and
/// `continue`), as client-go's pager does: when a continue token has expired
/// (410 Expired, after etcd compaction), the list starts again from the first page.
struct ResourcePager: Sendable {
    let getter: any KubeGetting
    let pageSize: Int
    static let maxRestarts = 3
    static let maxPages = 100_000

    /// The items of all pages, in the server's order.
    func items(of type: APIResourceType) async throws -> [Value] {
        var restarts = 0
        restart: while true {
            var items: [Value] = []
            var token: String?
            for _ in 0..<Self.maxPages {
                let page: Value
                do {
                    page = try await getter.get(type.listPath, query: query(continue: token))
                } catch let error as KubeAPIError where error.statusCode == 410 && token != nil && restarts < Self.maxRestarts {
                    restarts += 1
                    continue restart
                }
                guard let pageItems = page["items"]?.arrayValue else {
                    throw KubeAPIError.invalidResponse(path: type.listPath, detail: "a list without items")
                }
                items += pageItems
                token = page["metadata"]?["continue"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                if token == nil { return items }
            }
            throw KubeAPIError.invalidResponse(path: type.listPath, detail: "more than \(Self.maxPages) pages")
        }
    }

    private func query(continue token: String?) -> [(String, String)] {
        var query = [("limit", String(pageSize))]
        if let token { query.append(("continue", token)) }
        return query
    }
}
