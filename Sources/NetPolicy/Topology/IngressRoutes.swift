import Kube
import PalisadeCore

/// What Ingress and OpenShift Route objects let the cluster's ingress
/// controller reach: the workloads their backend Services select, on the
/// ports those Services forward to.
public enum IngressRoutes {
    /// One `spec.ports` entry of a Service.
    struct ServicePort {
        enum Target { case number(UInt32), name(String) }
        var name: String?
        var proto: IPProtocol
        var port: UInt32
        var target: Target
    }

    struct Service {
        var namespace: String
        var name: String
        var selector: [String: String]
        var ports: [ServicePort]
    }

    /// Which ports of a Service a backend reference uses.
    enum PortChoice {
        case all
        /// An Ingress backend `port.number` (the Service port).
        case servicePort(UInt32)
        /// An Ingress backend `port.name` (the Service port's name).
        case servicePortName(String)
        /// A Route's `port.targetPort`: a target port number, or a port name.
        case routeTarget(Value)
    }

    /// The namespaces ingress controllers are assumed to run in (nginx and
    /// OpenShift), with the labels they carry there.
    public static let controllerNamespaces: [String: [String: String]] = [
        "ingress-nginx": ["kubernetes.io/metadata.name": "ingress-nginx"],
        "openshift-ingress-operator": ["kubernetes.io/metadata.name": "openshift-ingress-operator",
                                       "namespace.name": "openshift-ingress-operator",
                                       "openshift.io/cluster-monitoring": "true"],
    ]

    /// An arbitrary pod of each controller namespace: no labels, so only
    /// rules that accept any pod of the namespace admit it.
    public static var controllerPods: [Endpoint] {
        controllerNamespaces.keys.sorted().map { Endpoint(namespace: $0, name: "{ingress-controller}", workloadKind: "") }
    }

    /// One Ingress or Route sending traffic through one Service to one workload.
    public struct Grant: Sendable, Hashable {
        /// `Ingress` or `Route`.
        public var kind: String
        /// `namespace/name` of the Ingress or Route.
        public var object: String
        public var service: String
        /// Display name of the workload reached.
        public var workload: String
        public var connections: ConnectionSet
    }

    /// Every (Ingress or Route, Service, workload) path with the connections
    /// it forwards (before network policies), in input order.
    public static func grants(of objects: [KubeObject], endpoints: [Endpoint], warnings: inout [String]) -> [Grant] {
        let services = readServices(objects, warnings: &warnings)
        var result: [Grant] = []
        for object in objects {
            for (serviceName, choice) in backends(of: object) {
                let namespace = object.namespace ?? "default"
                guard let service = services["\(namespace)/\(serviceName)"] else {
                    warnings.append("\(locationPrefix(object))\(object.kind) \(namespace)/\(object.name): backend Service \(namespace)/\(serviceName) is not in the input; ignored")
                    continue
                }
                let ports = chosen(choice, of: service)
                for endpoint in endpoints where selects(service, endpoint) {
                    let connections = ports.reduce(ConnectionSet.none) { $0.union(connection($1, toward: endpoint)) }
                    guard !connections.isEmpty else { continue }
                    result.append(Grant(kind: object.kind, object: "\(namespace)/\(object.name)", service: serviceName,
                                        workload: endpoint.displayName, connections: connections))
                }
            }
        }
        return result
    }

    /// Per workload display name, the union of what the grants forward to it.
    public static func connections(of grants: [Grant]) -> [String: ConnectionSet] {
        var result: [String: ConnectionSet] = [:]
        for grant in grants { result[grant.workload, default: .none] = result[grant.workload, default: .none].union(grant.connections) }
        return result
    }

    /// Per workload display name, the connections the ingress controller may
    /// open toward it (before network policies).
    public static func connections(of objects: [KubeObject], endpoints: [Endpoint],
                                   warnings: inout [String]) -> [String: ConnectionSet] {
        connections(of: grants(of: objects, endpoints: endpoints, warnings: &warnings))
    }

    static func locationPrefix(_ object: KubeObject) -> String { object.location.map { "\($0): " } ?? "" }

    static func selects(_ service: Service, _ endpoint: Endpoint) -> Bool {
        endpoint.kind == .pod && endpoint.namespace == service.namespace && !service.selector.isEmpty
            && service.selector.allSatisfy { endpoint.labels[$0.key] == $0.value }
    }

    static func connection(_ port: ServicePort, toward endpoint: Endpoint) -> ConnectionSet {
        switch port.target {
        case .number(let n):
            // As in netpol-analyzer, routed traffic reaches only the container ports the pods declare.
            let declared = endpoint.containerPorts.contains { $0.port == n && $0.proto == port.proto }
            return declared ? ConnectionSet(port.proto, ports: IntervalSet(n, n)) : .none
        case .name(let name):
            let numbers = endpoint.ports(named: name, proto: port.proto)
            return ConnectionSet(port.proto, ports: IntervalSet(intervals: numbers.map { .init($0, $0) }))
        }
    }

    static func chosen(_ choice: PortChoice, of service: Service) -> [ServicePort] {
        switch choice {
        case .all: return service.ports
        case .servicePort(let n):
            // A number that is no Service port is taken as a target port, as the analyzer does.
            let byPort = service.ports.filter { $0.port == n }
            return byPort.isEmpty ? service.ports.filter { if case .number(let t) = $0.target { return t == n } else { return false } } : byPort
        case .servicePortName(let name): return service.ports.filter { $0.name == name }
        case .routeTarget(let value):
            if let n = value.intValue ?? value.stringValue.flatMap({ Int($0) }) {
                let byTarget = service.ports.filter { if case .number(let t) = $0.target { return t == n } else { return false } }
                return byTarget.isEmpty ? service.ports.filter { $0.port == n } : byTarget
            }
            let name = value.stringValue ?? ""
            return service.ports.filter { port in
                if port.name == name { return true }
                if case .name(let t) = port.target { return t == name }
                return false
            }
        }
    }

    /// (Service name, ports) of every backend an Ingress or Route names.
    static func backends(of object: KubeObject) -> [(String, PortChoice)] {
        switch (object.group, object.kind) {
        case ("networking.k8s.io", "Ingress"), ("extensions", "Ingress"):
            let spec = object.value["spec"]
            var raw: [Value] = [spec?["defaultBackend"] ?? spec?["backend"]].compactMap { $0 }
            for rule in spec?["rules"]?.arrayValue ?? [] {
                raw += (rule["http"]?["paths"]?.arrayValue ?? []).compactMap { $0["backend"] }
            }
            return raw.compactMap(ingressBackend)
        case ("route.openshift.io", "Route"), ("", "Route"):
            let spec = object.value["spec"]
            let targets = [spec?["to"]].compactMap { $0 } + (spec?["alternateBackends"]?.arrayValue ?? [])
            let choice: PortChoice = spec?["port"]?["targetPort"].map { .routeTarget($0) } ?? .all
            return targets.compactMap { target in
                guard (target["kind"]?.stringValue ?? "Service") == "Service", let name = target["name"]?.stringValue else { return nil }
                return (name, choice)
            }
        default:
            return []
        }
    }

    static func ingressBackend(_ backend: Value) -> (String, PortChoice)? {
        if let service = backend["service"], let name = service["name"]?.stringValue {
            if let n = service["port"]?["number"]?.intValue, n > 0 { return (name, .servicePort(UInt32(n))) }
            if let portName = service["port"]?["name"]?.stringValue { return (name, .servicePortName(portName)) }
            return (name, .all)
        }
        guard let name = backend["serviceName"]?.stringValue else { return nil }
        if let n = backend["servicePort"]?.intValue, n > 0 { return (name, .servicePort(UInt32(n))) }
        if let portName = backend["servicePort"]?.stringValue { return (name, .servicePortName(portName)) }
        return (name, .all)
    }

    static func readServices(_ objects: [KubeObject], warnings: inout [String]) -> [String: Service] {
        var services: [String: Service] = [:]
        for object in objects where object.kind == "Service" && object.group.isEmpty {
            let namespace = object.namespace ?? "default"
            var selector: [String: String] = [:]
            for (key, value) in object.value["spec"]?["selector"]?.objectValue ?? [:] {
                if let k = key.stringValue, let v = value.stringValue { selector[k] = v }
            }
            let ports = (object.value["spec"]?["ports"]?.arrayValue ?? []).compactMap(servicePort)
            services["\(namespace)/\(object.name)"] = Service(namespace: namespace, name: object.name, selector: selector, ports: ports)
        }
        return services
    }

    static func servicePort(_ value: Value) -> ServicePort? {
        guard let port = value["port"]?.intValue, (1...65535).contains(port) else { return nil }
        let proto = value["protocol"]?.stringValue.flatMap(IPProtocol.init(name:)) ?? .tcp
        let target: ServicePort.Target
        switch value["targetPort"] {
        case .string(let s)?: target = UInt32(s).map { .number($0) } ?? .name(s)
        case let other?: target = other.intValue.flatMap { $0 > 0 ? .number(UInt32($0)) : nil } ?? .number(UInt32(port))
        case nil: target = .number(UInt32(port))
        }
        return ServicePort(name: value["name"]?.stringValue, proto: proto, port: UInt32(port), target: target)
    }
}
