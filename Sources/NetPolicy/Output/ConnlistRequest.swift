import Kube
import PalisadeCore

/// What `palisade netpol analyze` is asked: inputs, focus, format.
public struct ConnlistRequest: Sendable {
    public var format: ConnlistFormat = .txt
    public var focus = AnalysisFocus()
    /// Only connections that include this one (`tcp-8080`, `udp-53`).
    public var focusConnection: (proto: IPProtocol, port: UInt32)?
    /// Also report what each workload is exposed to (`--exposure`).
    public var exposure = false
    /// Explain every pair's verdicts (`--explain`); `explainOnly` keeps only allowed or denied ones.
    public var explain = false
    public var explainOnly: ExplainFilter?
    /// Analyse each network (pod network, user-defined, secondary) on its own (`--multiple-networks`).
    public var multipleNetworks: MultiNetworkAnalysis?

    public init(format: ConnlistFormat = .txt, focus: AnalysisFocus = AnalysisFocus()) {
        self.format = format
        self.focus = focus
    }

    /// Parses netpol-analyzer's `--focus-conn` value (`tcp-8080`).
    public static func parseConnection(_ text: String) -> (proto: IPProtocol, port: UInt32)? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let proto = IPProtocol(name: String(parts[0])), IPProtocol.kubernetes.contains(proto),
              let port = UInt32(parts[1]), (1...65535).contains(port) else { return nil }
        return (proto, port)
    }

    /// Runs the analysis and renders it.
    public func render(_ topology: Topology) -> String {
        if let multipleNetworks {
            return MultiNetworkConnlist(analysis: multipleNetworks, format: format, focus: focus, focusConnection: focusConnection,
                                        explain: explain, explainOnly: explainOnly).render(topology)
        }
        let analysis = ConnectivityAnalysis(topology: topology)
        var connections = analysis.connections(focus: focus)
        if let (proto, port) = focusConnection {
            let only = ConnectionSet(proto, ports: IntervalSet(port, port))
            connections = connections.compactMap { c in
                let kept = c.connections.intersection(only)
                return kept.isEmpty ? nil : PeerConnection(source: c.source, destination: c.destination, connections: kept)
            }
        }
        let nodes = focus.isEmpty ? topology.endpoints : []
        if exposure || explain { return renderExposureOrExplain(analysis, connections: connections, nodes: nodes) }
        return format.render(connections, endpoints: nodes, onlyConnection: focusConnection.map { "\($0.proto) \($0.port)" })
    }
}
