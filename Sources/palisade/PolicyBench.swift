import ArgumentParser
import Foundation
import PalisadeCore
import Rego

/// Hidden: Palisade's side of `scripts/bench rego`. Compiles once, then evaluates
/// the query repeatedly with a reused (prepared) engine and reports evaluations/second.
struct PolicyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Rego evaluation throughput (used by scripts/bench).",
        shouldDisplay: false
    )

    @Option(name: [.short, .customLong("data")], help: "Rego module or data file, or a directory (repeatable).")
    var data: [String] = []

    @Option(name: [.short, .long], help: "Input document; several files are evaluated in turn.")
    var input: [String] = []

    @Flag(name: .long, help: "Parse modules as Rego v0.")
    var v0Compatible = false

    @Option(name: .long, help: "Minimum measuring time in seconds.")
    var seconds: Double = 2

    @Argument(help: "The query.")
    var query: String

    func run() throws {
        let files = try PolicyFiles(paths: data)
        let engine = try RegoEngine(sources: files.sources, data: files.data, version: v0Compatible ? .v0 : .v1)
        let prepared = try engine.prepare(query)
        let inputs: [Value?] = input.isEmpty ? [nil] : try input.map { try readDocument($0) }
        var checksum = 0
        for i in inputs { checksum += try prepared.eval(input: i).count }
        var evaluations = 0
        let start = now()
        var elapsed = 0.0
        repeat {
            for i in inputs { checksum &+= try prepared.eval(input: i).count }
            evaluations += inputs.count
            elapsed = now() - start
        } while elapsed < seconds
        print(JSONWriter.string(.object(fields: [
            "evaluations": .int(evaluations),
            "seconds": .double(elapsed),
            "per_second": .double(Double(evaluations) / elapsed),
            "results": .int(checksum),
        ])))
    }
}
