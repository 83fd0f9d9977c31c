/// Which verdicts `--explain-only` keeps.
public enum ExplainFilter: String, Sendable {
    case allow, deny
}

/// netpol-analyzer's `--explain` output: for every pair, the allowed and
/// denied connections with the policies and rules that decided them.
struct ExplainReport {
    var analysis: ConnectivityAnalysis
    var focus: AnalysisFocus
    var only: ExplainFilter?
    var focusConnection: (proto: IPProtocol, port: UInt32)?

    func render(exposure: ExposureAnalysis.Result?) -> String {
        ""
    }
}
