/// Runs an async operation over items with at most `limit` in flight,
/// returning each item's result in the items' order.
enum BoundedConcurrency {
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], limit: Int, _ operation: @escaping @Sendable (Item) async throws -> Output
    ) async -> [Result<Output, any Error>] {
        var results = [Result<Output, any Error>?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Result<Output, any Error>).self) { group in
            var next = 0
            func startNext() {
                guard next < items.count else { return }
                let index = next, item = items[index]
                next += 1
                group.addTask {
                    do { return (index, .success(try await operation(item))) } catch { return (index, .failure(error)) }
                }
            }
            for _ in 0..<max(1, limit) { startNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext()
            }
        }
        return results.map { $0 ?? .failure(CancellationError()) }
    }
}
