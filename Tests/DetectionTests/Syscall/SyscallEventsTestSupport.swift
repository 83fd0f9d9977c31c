import Foundation
import XCTest
@testable import Detection

/// Shared helpers of the syscall event tests.
enum SyscallEventsTestSupport {
    static let captures = SharedCorpus.root + "/conformance/falco/regression-suite/captures/"

    static func capture(_ name: String) throws -> [SyscallEvent] {
        let path = captures + name + ".scap"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("shared capture absent: \(path)") }
        return try SyscallReplay.load(path: path)
    }

    /// The value of `field` (with optional `[arg]`) for `event`.
    static func value(_ field: String, _ event: SyscallEvent) -> FieldValue? {
        var name = field
        var argument: String?
        if let open = field.firstIndex(of: "["), field.hasSuffix("]") {
            name = String(field[..<open])
            argument = String(field[field.index(after: open)..<field.index(before: field.endIndex)])
        }
        guard let ref = FieldRegistry.standard.resolve(name, argument: argument) else { return nil }
        return event.extract(ref)
    }

    static func text(_ field: String, _ event: SyscallEvent) -> String? {
        value(field, event).map(FieldEvaluator.text)
    }

    /// Compiles and evaluates a condition for a syscall event.
    static func matches(_ condition: String, _ event: SyscallEvent) throws -> Bool {
        var compiler = FilterCompiler(source: "syscall")
        return try compiler.compile(FilterParser.parse(condition)).matches(event)
    }
}
