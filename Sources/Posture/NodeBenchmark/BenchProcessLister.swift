import Foundation

/// Lists the command lines of running processes by name, as
/// `ps -C NAME -o cmd --no-headers` does. Tests substitute a fixed list.
public protocol BenchProcessLister: Sendable {
    /// Command lines (arguments joined by spaces) of processes whose name is `name`.
    func commandLines(named name: String) -> [String]
}

/// A fixed process list: each entry is a command line such as
/// `/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml`.
public struct BenchStaticProcessList: BenchProcessLister {
    public var commandLines: [String]

    public init(_ commandLines: [String]) { self.commandLines = commandLines }

    public func commandLines(named name: String) -> [String] {
        commandLines.filter { BenchProcessName.of(commandLine: $0) == BenchProcessName.truncated(name) }
    }
}

/// Reads the live process table from `/proc` (under `procRoot`).
public struct BenchProcTable: BenchProcessLister {
    public var procRoot: String
    /// Upper bound on processes examined.
    public var maxProcesses = 100_000

    public init(procRoot: String = "/proc") { self.procRoot = procRoot }

    public func commandLines(named name: String) -> [String] {
        let wanted = BenchProcessName.truncated(name)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: procRoot)) ?? []
        var lines: [String] = []
        for pid in entries.prefix(maxProcesses) where pid.allSatisfy(\.isNumber) {
            let base = "\(procRoot)/\(pid)"
            guard let comm = try? BenchFiles.readText("\(base)/comm", limit: 4096),
                  comm.trimmingCharacters(in: .newlines) == wanted,
                  let cmdline = try? BenchFiles.readText("\(base)/cmdline", limit: 1 << 20) else { continue }
            let args = cmdline.split(separator: "\0").joined(separator: " ")
            lines.append(args.isEmpty ? "[\(wanted)]" : args)
        }
        return lines
    }
}

/// How Linux names processes: the executable's base name, cut to 15 bytes.
enum BenchProcessName {
    static func truncated(_ name: String) -> String {
        String(decoding: Array(name.utf8.prefix(15)), as: UTF8.self)
    }

    static func of(commandLine: String) -> String {
        let first = commandLine.split(separator: " ").first.map(String.init) ?? ""
        return truncated((first as NSString).lastPathComponent)
    }
}
