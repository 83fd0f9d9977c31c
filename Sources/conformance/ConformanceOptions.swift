import Foundation

struct UsageError: Error, CustomStringConvertible {
    var description: String
}

struct ConformanceOptions {
    var suite: String
    var directory: String
    var minPass: Double?
    /// Per-case time limit.
    var timeout: Double = 10
    /// Only cases whose file or name contains this text.
    var filter: String?
    var verbose = false
    /// Internal: run as a worker process from this unit on.
    var workerStart: Int?

    init<S: Sequence>(_ arguments: S) throws where S.Element == String {
        var positional: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--min-pass":
                guard let text = iterator.next(), let rate = Double(text), (0...1).contains(rate) else {
                    throw UsageError(description: "--min-pass needs a rate between 0 and 1")
                }
                minPass = rate
            case "--timeout":
                guard let text = iterator.next(), let seconds = Double(text), seconds > 0 else {
                    throw UsageError(description: "--timeout needs a number of seconds")
                }
                timeout = seconds
            case "--filter":
                guard let text = iterator.next() else { throw UsageError(description: "--filter needs a text") }
                filter = text
            case "--worker-start":
                guard let text = iterator.next(), let start = Int(text), start >= 0 else {
                    throw UsageError(description: "--worker-start needs a unit index")
                }
                workerStart = start
            case "-v", "--verbose":
                verbose = true
            default:
                if argument.hasPrefix("-") { throw UsageError(description: "unknown option \(argument)") }
                positional.append(argument)
            }
        }
        guard positional.count == 2 else { throw UsageError(description: "expected SUITE and DIR") }
        suite = positional[0]
        directory = positional[1]
    }

    func selects(_ file: String, _ name: String) -> Bool {
        guard let filter else { return true }
        return file.contains(filter) || name.contains(filter)
    }
}
