import ArgumentParser
import Foundation
import NetPolicy
import PalisadeCore

/// `palisade netpol analyze`: the connectivity list (netpol-analyzer's formats),
/// exposure, explanations, or the network findings.
struct NetpolAnalyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Workload-level connectivity allowed by the policies (txt, csv, json, md, dot).",
        discussion: """
        Invalid policies are reported on standard error with file:line and left out
        of the analysis; txt, md and dot reports end with a note naming them.

        Exit status: 0 the report was written; 2 bad options or an input that could
        not be read (the report is still written for the rest).
        """
    )

    @OptionGroup var input: NetpolInputOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Format: txt, csv, json, md or dot (with --findings: table or json).")
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Only connections of this workload (ns/name or name); repeatable.", valueName: "NS/WL"))
    var focus: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --focus: only connections whose other end is this workload; repeatable.", valueName: "NS/WL"))
    var focusPeer: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --focus: only ingress (into) or egress (out of) the focus workloads.", valueName: "DIR"))
    var focusDirection: String?

    @Option(name: .long, help: ArgumentHelp("Only this connection, e.g. tcp-80.", valueName: "PROTO-PORT"))
    var focusConn: String?

    @Flag(name: .long, help: "Also report what each workload is exposed to (any namespace, outside the cluster).")
    var exposure = false

    @Flag(name: .long, help: "Explain every pair: the policies and rules that allow or deny its connections.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("With --explain: only allow or deny explanations.", valueName: "allow|deny"))
    var explainOnly: String?

    @Flag(name: .long, help: "Print the network findings (as `netpol lint`) instead of the connectivity.")
    var findings = false

    func run() throws {
        try checkUsage(input.problems() + usageProblems(), command: "analyze")
        let loaded = try NetpolInput.load(input, command: "analyze")
        if findings {
            let result = NetworkFindings(topology: loaded.topology).findings()
            writeOutput(NetpolFindingsReport.render(result, format: format ?? "table", note: loaded.rejectedNote))
        } else {
            writeOutput(report(loaded))
        }
        if loaded.unreadable { throw NetpolExit.unusable }
    }

    private var connlistFormat: ConnlistFormat { ConnlistFormat(rawValue: format ?? "txt") ?? .txt }

    private func usageProblems() -> [String] {
        var problems: [String] = []
        if findings {
            if let format, !NetpolFindingsReport.formats.contains(format) {
                problems.append("unknown findings format '\(format)'; expected \(NetpolFindingsReport.formats.joined(separator: ", "))")
            }
        } else if let format, ConnlistFormat(rawValue: format) == nil {
            problems.append("unknown output format '\(format)'; expected one of \(ConnlistFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let focusDirection, Self.direction(focusDirection) == nil { problems.append("--focus-direction must be ingress or egress") }
        if focusDirection != nil && focus.isEmpty { problems.append("--focus-direction needs --focus") }
        if !focusPeer.isEmpty && focus.isEmpty { problems.append("--focus-peer needs --focus") }
        if let focusConn, ConnlistRequest.parseConnection(focusConn) == nil {
            problems.append("--focus-conn must look like tcp-80, udp-53 or sctp-9000, not '\(focusConn)'")
        }
        if let explainOnly, ExplainFilter(rawValue: explainOnly) == nil { problems.append("--explain-only must be allow or deny") }
        if explainOnly != nil && !explain { problems.append("--explain-only needs --explain") }
        return problems
    }

    static func direction(_ text: String) -> Direction? {
        switch text.lowercased() {
        case "ingress": return .ingress
        case "egress": return .egress
        default: return nil
        }
    }

    private func report(_ loaded: NetpolInput) -> String {
        var request = ConnlistRequest(format: connlistFormat, focus: AnalysisFocus(
            workloads: focus, peers: focusPeer, direction: focusDirection.flatMap(Self.direction)))
        request.focusConnection = focusConn.flatMap(ConnlistRequest.parseConnection)
        request.exposure = exposure
        request.explain = explain
        request.explainOnly = explainOnly.flatMap(ExplainFilter.init(rawValue:))
        let text = request.render(loaded.topology)
        guard let note = loaded.rejectedNote else { return text }
        switch connlistFormat {
        case .txt: return text + (text.isEmpty ? "" : "\n") + "# note: " + note
        case .md: return text + "\n\n> note: " + note
        case .dot: return text + "\n// note: " + note
        case .csv, .json: return text
        }
    }
}
