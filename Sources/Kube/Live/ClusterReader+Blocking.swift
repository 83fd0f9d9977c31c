import Dispatch

extension ClusterReader {
    /// `readAll` for synchronous callers (the command line): blocks the
    /// calling thread, which must not be one the Swift concurrency pool runs on.
    public func readAllBlocking(kinds: Set<String>? = nil) throws -> ClusterReadResult {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let reader = self
        Task.detached {
            do { box.result = .success(try await reader.readAll(kinds: kinds)) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw KubeAPIError.configuration("cluster read ended without a result") }
        return try result.get()
    }
}

/// Carries the detached task's result to the waiting thread; the semaphore
/// orders the write before the read.
private final class ResultBox: @unchecked Sendable {
    var result: Result<ClusterReadResult, any Error>?
}
