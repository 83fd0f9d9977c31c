/// netpol-analyzer's connectivity list with multiple networks: the
/// connections of each network, in any output format.
public struct MultiNetworkConnlist: Sendable {
    public var analysis: MultiNetworkAnalysis
    public var format: ConnlistFormat
    public var focus: AnalysisFocus
    /// Only connections that include this one; lines then omit the connection set.
    public var focusConnection: (proto: IPProtocol, port: UInt32)?
    /// Explain each network's verdicts (txt) instead of listing connections.
    public var explain: Bool
    public var explainOnly: ExplainFilter?

    public init(analysis: MultiNetworkAnalysis, format: ConnlistFormat, focus: AnalysisFocus = AnalysisFocus(),
                focusConnection: (proto: IPProtocol, port: UInt32)? = nil, explain: Bool = false, explainOnly: ExplainFilter? = nil) {
        self.analysis = analysis
        self.format = format
        self.focus = focus
        self.focusConnection = focusConnection
        self.explain = explain
        self.explainOnly = explainOnly
    }

    public func render(_ topology: Topology) -> String {
        if explain {
            return MultiNetworkExplain(analysis: analysis, focus: focus, only: explainOnly, focusConnection: focusConnection).render(topology)
        }
        let results = restrictedToFocusConnection(analysis.connectivity(topology, focus: focus))
        switch format {
        case .txt:
            return MultiNetworkText(results: results, layout: analysis.layout, endpoints: topology.endpoints,
                                    focusConnection: focusConnectionName).render()
        case .csv, .md, .json:
            return MultiNetworkTable(results: results, showsConnections: focusConnection == nil).render(format)
        case .dot:
            return MultiNetworkDot(results: results, focus: focus).render()
        }
    }

    /// `TCP 8080` for `tcp-8080`.
    var focusConnectionName: String? {
        focusConnection.map { "\($0.proto) \($0.port)" }
    }

    private func restrictedToFocusConnection(_ results: [NetworkConnectivity]) -> [NetworkConnectivity] {
        guard let (proto, port) = focusConnection else { return results }
        let only = ConnectionSet(proto, ports: IntervalSet(port, port))
        return results.map { result in
            var restricted = result
            restricted.connections = result.connections.compactMap { c in
                let kept = c.connections.intersection(only)
                return kept.isEmpty ? nil : PeerConnection(source: c.source, destination: c.destination, connections: kept)
            }
            return restricted
        }
    }
}

extension ClusterNetwork {
    /// A peer's name in this network's listing: workloads of a namespace-scoped
    /// UDN carry the mark `ns[udn]/name[Kind]`.
    func peerName(_ endpoint: Endpoint) -> String {
        guard kind == .primaryUDN, endpoint.kind == .pod else { return endpoint.displayName }
        return "\(endpoint.namespace ?? "default")[udn]/\(endpoint.name)[\(endpoint.workloadKind)]"
    }

    /// The network's value in the `network` column of csv and md output.
    var columnName: String { name }
}

extension Array where Element == String {
    /// Sorted by bytes, as Go sorts strings.
    func byteSorted() -> [String] { sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}
