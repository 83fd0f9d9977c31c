import Foundation
@testable import Kube

/// Runs a program with an argument array (no shell), output appended to a
/// log file; waits for the program itself, not for children it leaves running.
enum KubeLiveProcess {
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], log: String) -> Int32 {
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        do {
            return try KubeLiveBlocking.run {
                try await ChildProcess.run(executable, arguments: arguments, environment: merged,
                                           output: .file(log), timeout: 3600).status
            }
        } catch {
            try? "\(error)\n".write(toFile: log, atomically: false, encoding: .utf8)
            return -1
        }
    }

    static func find(_ command: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(command)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
