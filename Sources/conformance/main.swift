import Foundation

// conformance SUITE DIR [--min-pass RATE] [--timeout SECONDS] [--filter TEXT] [-v]
// Prints each failing case as `FAIL <file>: <name> — <reason>`, then `N passed, M failed`.
// Exit: 0 the suite ran, 1 pass rate below --min-pass, 2 DIR unreadable or bad usage.

let usage = """
usage: conformance SUITE DIR [--min-pass RATE] [--timeout SECONDS] [--filter TEXT] [-v]
suites: \(ConformanceSuites.names.joined(separator: ", "))
"""

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("conformance: \(message)\n".utf8))
    exit(2)
}

let options: ConformanceOptions
do { options = try ConformanceOptions(CommandLine.arguments.dropFirst()) } catch { fail("\(error)\n\(usage)") }
guard let suite = ConformanceSuites.make(options.suite) else { fail("unknown suite \"\(options.suite)\"\n\(usage)") }
let units: [ConformanceUnit]
do { units = try suite.units(options) } catch { fail("\(error)") }

if let start = options.workerStart {
    exit(Worker(units: units).run(from: start))
}
let report = ConformanceReport(verbose: options.verbose)
Supervisor(units: units, report: report).run()
exit(report.finish(minPass: options.minPass))
