import Foundation
import PalisadeCore

/// Records which policy lines evaluation reached, for `policy test --coverage`.
public final class CoverageRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var covered: [String: Set<Int>] = [:]

    public init() {}

    func record(_ location: Location) {
        lock.lock()
        covered[location.file, default: []].insert(location.line)
        lock.unlock()
    }

    /// Covered line numbers per file.
    public var coveredLines: [String: Set<Int>] {
        lock.lock()
        defer { lock.unlock() }
        return covered
    }

    /// Lines that hold an expression or rule head per module file: the
    /// denominator of the coverage percentage.
    public static func coverableLines(in modules: [Module]) -> [String: Set<Int>] {
        var lines: [String: Set<Int>] = [:]
        for module in modules {
            for rule in module.rules {
                lines[module.file, default: []].insert(rule.location.line)
                for expr in rule.body { lines[module.file, default: []].insert(expr.location.line) }
                for branch in rule.elseBranches {
                    for expr in branch.body { lines[module.file, default: []].insert(expr.location.line) }
                }
            }
        }
        return lines
    }
}
