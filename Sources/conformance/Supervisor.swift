import Foundation

/// Runs the units in a child process (this program with `--worker-start`), so
/// a case that crashes the engine or hangs costs only that case: the child
/// reports `BEGIN n` before each unit; when it dies, that unit is failed and a
/// new child continues with the next one.
struct Supervisor {
    let units: [ConformanceUnit]
    let report: ConformanceReport

    func run() {
        var start = 0
        while start < units.count {
            let (next, status) = runChild(from: start)
            guard let next else { return }
            start = next
            _ = status
        }
    }

    /// Runs one child; returns the unit to restart from, or nil when all are done.
    private func runChild(from start: Int) -> (Int?, Int32) {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = Array(CommandLine.arguments.dropFirst()) + ["--worker-start", String(start)]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch {
            for unit in units[start...] { report.record(CaseResult(file: unit.file, name: unit.name, failure: "cannot start worker: \(error)")) }
            return (nil, 2)
        }
        var current: Int?
        var finished = false
        var done = -1
        var buffer = Data()
        let reader = pipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                handle(line: line, current: &current, done: &done, finished: &finished)
            }
        }
        process.waitUntilExit()
        if finished { return (nil, 0) }
        if let current, current == done {
            // Died between units: nothing was lost.
            return (current + 1, process.terminationStatus)
        }
        let failed = current ?? start
        let unit = units[failed]
        let why: String
        switch (process.terminationReason, process.terminationStatus) {
        case (.uncaughtSignal, let s): why = "the engine crashed (signal \(s))"
        case (_, Worker.timedOutStatus): why = "timed out"
        case (_, let s): why = "the worker exited with status \(s)"
        }
        if process.terminationStatus != Worker.timedOutStatus || process.terminationReason == .uncaughtSignal {
            report.record(CaseResult(file: unit.file, name: unit.name, failure: why))
        }
        return (failed + 1, process.terminationStatus)
    }

    private func handle(line: String, current: inout Int?, done: inout Int, finished: inout Bool) {
        let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        switch fields.first {
        case "BEGIN": current = fields.count > 1 ? Int(fields[1]) : nil
        case "DONE": done = fields.count > 1 ? Int(fields[1]) ?? -1 : -1
        case "END": finished = true
        case "PASS" where fields.count >= 3:
            report.record(CaseResult(file: fields[1], name: fields[2], failure: nil))
        case "FAIL" where fields.count >= 4:
            report.record(CaseResult(file: fields[1], name: fields[2], failure: Worker.unescape(fields[3])))
        default:
            break
        }
    }
}

/// The child side: runs units from an index, one line per event, unbuffered.
struct Worker {
    static let timedOutStatus: Int32 = 75

    let units: [ConformanceUnit]

    func run(from start: Int) -> Int32 {
        guard start < units.count else { emit("END"); return 0 }
        for index in start..<units.count {
            let unit = units[index]
            emit("BEGIN\t\(index)")
            guard let results = withTimeLimit(unit.timeLimit, unit.run) else {
                // The stuck thread cannot be stopped: report, and let the supervisor start afresh.
                emit("FAIL\t\(clean(unit.file))\t\(clean(unit.name))\ttimed out")
                return Self.timedOutStatus
            }
            for r in results {
                if let failure = r.failure {
                    emit("FAIL\t\(clean(r.file))\t\(clean(r.name))\t\(Self.escape(failure))")
                } else {
                    emit("PASS\t\(clean(r.file))\t\(clean(r.name))")
                }
            }
            emit("DONE\t\(index)")
        }
        emit("END")
        return 0
    }

    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func clean(_ s: String) -> String {
        s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    }

    static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                switch c { case "n": out.append("\n"); case "t": out.append("\t"); default: out.append(c) }
                escaping = false
            } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out
    }
}
