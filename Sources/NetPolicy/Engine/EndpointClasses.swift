/// Endpoints grouped into classes that every policy treats alike: same kind,
/// namespace, labels, named ports, service account, host networking and
/// addresses. Rule conditions and endpoint selectors must depend on nothing
/// else (display names and replica counts never decide a verdict).
struct EndpointClasses {
    struct Key: Hashable {
        var kind: Endpoint.Kind
        var namespace: String?
        var labels: [String: String]
        var namedPorts: [Endpoint.NamedPort]
        var serviceAccount: String
        var hostNetwork: Bool
        var addresses: IntervalSet
        /// Host endpoints keep their identity (their names can matter to host policies).
        var hostName: String?

        init(_ e: Endpoint) {
            kind = e.kind
            namespace = e.namespace
            labels = e.labels
            namedPorts = e.namedPorts.sorted { ($0.name, $0.proto.number, $0.port) < ($1.name, $1.proto.number, $1.port) }
            serviceAccount = e.serviceAccount
            hostNetwork = e.hostNetwork
            addresses = e.addresses
            hostName = e.kind == .host ? e.name : nil
        }
    }

    /// For each endpoint (by position in the input), its class.
    private(set) var classOf: [Int] = []
    /// One endpoint standing for each class.
    private(set) var representatives: [Endpoint] = []
    /// Class indexes by namespace (nil key: endpoints outside namespaces).
    private(set) var byNamespace: [String?: [Int]] = [:]
    /// For each class, a small id of its named ports (equal ids: equal named ports).
    private(set) var portSignature: [Int] = []

    init(_ endpoints: [Endpoint]) {
        var index: [Key: Int] = [:]
        var signatures: [[Endpoint.NamedPort]: Int] = [:]
        classOf.reserveCapacity(endpoints.count)
        for endpoint in endpoints {
            let key = Key(endpoint)
            if let existing = index[key] {
                classOf.append(existing)
                continue
            }
            let id = representatives.count
            index[key] = id
            representatives.append(endpoint)
            classOf.append(id)
            byNamespace[endpoint.namespace, default: []].append(id)
            if let s = signatures[key.namedPorts] {
                portSignature.append(s)
            } else {
                signatures[key.namedPorts] = signatures.count
                portSignature.append(signatures.count - 1)
            }
        }
    }

    var count: Int { representatives.count }
}
