import ArgumentParser
import NetPolicy

/// `palisade netpol diff A B`: how connectivity changes from one input to another.
struct NetpolDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Connectivity differences between two inputs (netpol-analyzer's diff formats).",
        discussion: """
        A and B are manifest files or directories (e.g. before and after a change).
        Lists the pairs whose allowed connections changed, were added or removed, and
        pairs involving workloads present in only one input. Empty output: no difference.

        Exit status: 0 the diff was written; 2 bad options or unreadable input.
        """
    )

    @Argument(help: ArgumentHelp("The reference input (file or directory).", valueName: "A"))
    var first: String

    @Argument(help: ArgumentHelp("The changed input (file or directory).", valueName: "B"))
    var second: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "Format: txt, csv, md or dot.")
    var format = "txt"

    func run() throws {
        guard let diffFormat = DiffFormat(rawValue: format) else {
            try checkUsage(["unknown output format '\(format)'; expected one of \(DiffFormat.allCases.map(\.rawValue).joined(separator: ", "))"], command: "diff")
            return
        }
        var inputs: [NetpolInput] = []
        for path in [first, second] {
            inputs.append(try NetpolInput.load(NetpolSources(paths: [path]), command: "diff"))
        }
        let diff = ConnectivityDiff(ref1: inputs[0].topology, ref2: inputs[1].topology)
        writeOutput(diffFormat.render(diff))
        let notes = inputs.enumerated().compactMap { index, input in input.rejectedNote.map { "\(index == 0 ? first : second): \($0)" } }
        for note in notes { printError("note: \(note)") }
        if inputs.contains(where: \.unreadable) { throw NetpolExit.unusable }
    }
}
