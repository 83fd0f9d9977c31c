import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with an argument array (never a shell) through
/// `posix_spawn` and `waitpid`. Unlike Foundation's `Process`, it notices the
/// exit of the program itself even when the program leaves background
/// children behind (a start script, a daemonizing plugin).
enum ChildProcess {
    enum Output {
        /// Capture standard output, at most `limit` bytes; standard error is inherited.
        case capture(limit: Int)
        /// Append standard output and error to a file.
        case file(String)
    }

    struct Outcome: Sendable {
        var status: Int32
        var output: [UInt8]
        /// More than the capture limit was written; `output` holds the first `limit` bytes.
        var truncated: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ executable: String, arguments: [String], environment: [String: String],
                    output: Output, timeout: Double) async throws -> Outcome {
        var pipe: [Int32] = [-1, -1]
        if case .capture = output {
            guard Glibc.pipe(&pipe) == 0 else { throw Failure(description: "pipe: \(errnoText())") }
            // Not inherited by other programs spawned meanwhile; dup2 onto stdout clears the flag in the child.
            for fd in pipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        let pid = try spawn(executable, arguments, environment, output: output, pipe: pipe)
        if pipe[1] >= 0 { close(pipe[1]) }
        defer { if pipe[0] >= 0 { close(pipe[0]) } }
        if pipe[0] >= 0 { _ = fcntl(pipe[0], F_SETFL, fcntl(pipe[0], F_GETFL) | O_NONBLOCK) }
        let limit: Int
        if case .capture(let bound) = output { limit = bound } else { limit = 0 }
        var collected = Collected(limit: limit)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            collected.drain(pipe[0])
            if let status = exited(pid) {
                collected.drain(pipe[0])
                return Outcome(status: status, output: collected.bytes, truncated: collected.truncated)
            }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, nil, 0)
                throw Failure(description: "\(executable) did not finish within \(Int(timeout)) s")
            }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
    }

    private static func spawn(_ executable: String, _ arguments: [String], _ environment: [String: String],
                              output: Output, pipe: [Int32]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        switch output {
        case .capture:
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        case .file(let path):
            posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv + [nil], envp + [nil])
        guard result == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(result)))") }
        return pid
    }

    /// The exit status (128 + signal when killed), or nil while it runs.
    private static func exited(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == 0 { return nil }
        if result < 0 { return -1 }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    private struct Collected {
        let limit: Int
        var bytes: [UInt8] = []
        var truncated = false

        mutating func drain(_ fd: Int32) {
            guard fd >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { return }
                let room = max(0, limit - bytes.count)
                bytes += buffer.prefix(min(count, room))
                if count > room { truncated = true }
            }
        }
    }
}
